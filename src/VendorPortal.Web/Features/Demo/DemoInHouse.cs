using VendorPortal.Web.Features.Events;

namespace VendorPortal.Web.Features.Demo;

/// <summary>
/// The demo center's own team for the promotion, in three day parts per skill (night, early and late) (and the crowd kept on for the sale's first
/// hours after midnight), so the event shows a realistic gap: about 30 agents at the first evening's peak, which the
/// vendors' requests are sized against.
/// </summary>
public static class DemoInHouse
{
    private static readonly (string Skill, string From, string To, int Agents)[] EveryDay =
    [
        ("PRESALES", "00:00", "07:00", 6), ("PRESALES", "07:00", "16:00", 24), ("PRESALES", "16:00", "24:00", 40),
        ("AFTERSALES", "00:00", "07:00", 6), ("AFTERSALES", "07:00", "16:00", 24), ("AFTERSALES", "16:00", "24:00", 46),
        ("HOTLINE", "00:00", "07:00", 4), ("HOTLINE", "07:00", "18:00", 16), ("HOTLINE", "18:00", "24:00", 22),
    ];

    private static readonly (string Skill, string From, string To, int Agents)[] OpeningNight =
    [
        ("PRESALES", "00:00", "02:00", 34), ("AFTERSALES", "00:00", "02:00", 40), ("HOTLINE", "00:00", "02:00", 16),
    ];

    public static async Task SeedAsync(IServiceProvider sp, SurgeEvent e, CancellationToken ct)
    {
        var schedule = sp.GetRequiredService<InHouseSchedule>();
        foreach (var (skill, from, to, agents) in EveryDay)
            await schedule.ApplyPatternAsync(e.Id, new InHousePatternInput { Skill = skill, Days = ["all"], From = from, To = to, Agents = agents }, ct);
        foreach (var (skill, from, to, agents) in OpeningNight)
            await schedule.ApplyPatternAsync(e.Id, new InHousePatternInput { Skill = skill, Days = [e.StartDate.DayOfWeek.ToString()], From = from, To = to, Agents = agents }, ct);
    }
}
