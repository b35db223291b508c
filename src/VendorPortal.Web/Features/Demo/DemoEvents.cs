using VendorPortal.Web.Features.Events;

namespace VendorPortal.Web.Features.Demo;

/// <summary>An upcoming promotion a few days out with a 30-minute forecast for each skill: a quiet night, a busy day and an evening peak.</summary>
public static class DemoEvents
{
    public static async Task SeedAsync(IServiceProvider sp, IReadOnlyList<(string Skill, double PeakContacts, double AhtSeconds)> skills, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Events.AnyAsync(ct)) return;
        var events = sp.GetRequiredService<EventOperations>();
        var zone = await db.TenantZoneAsync(ct);
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(sp.GetRequiredService<TimeProvider>().GetUtcNow(), zone).DateTime);
        var e = await events.CreateAsync(new EventInput
        {
            Name = "Double 12", StartDate = today.AddDays(4), EndDate = today.AddDays(6), Status = EventStatus.Confirmed,
            Description = "Year-end shopping festival: platform coupons stack with store discounts; the first hours after midnight and the evenings peak.",
            IntervalMinutes = 30, ServiceLevel = 0.8, TargetSeconds = 20, Shrinkage = 0.3, MaxOccupancy = 0.9,
        }, ct);

        double[] dayShare = [1.0, 0.8, 0.65];
        var rows = new List<(string, ForecastRowInput)>();
        foreach (var (skill, peak, aht) in skills)
            for (var d = 0; d < dayShare.Length; d++)
                for (var slot = 0; slot < 48; slot++)
                {
                    var hour = slot / 2.0 + 0.25;
                    var shape = 0.06 + 0.45 * Bump(hour, 10.5, 2.5) + 0.4 * Bump(hour, 15, 2.5) + 1.0 * Bump(hour, 21, 1.6)
                        + (d == 0 ? 0.7 * Bump(hour, 0.5, 0.8) : 0);
                    rows.Add(($"{skill} {d} {slot}", new ForecastRowInput
                    {
                        Skill = skill, Date = e.StartDate.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        Start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(slot * 30)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                        Contacts = Math.Round(peak * dayShare[d] * Math.Min(1, shape)), AhtSeconds = aht,
                    }));
                }
        var result = await events.ReplaceForecastAsync(e.Id, rows, [], ct);
        if (!result.Stored) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(p => $"{p.Where}: {p.Reason}")));
        await DemoInHouse.SeedAsync(sp, e, ct);

        // The seeded refresher prepares for this promotion.
        var session = await db.TrainingSessions.Where(s => s.EventId == null && s.Title.StartsWith("Double 12")).FirstOrDefaultAsync(ct);
        if (session is not null)
        {
            session.EventId = e.Id;
            await db.SaveChangesAsync(ct);
        }
    }

    private static double Bump(double x, double centre, double width) => Math.Exp(-Math.Pow((x - centre) / width, 2));
}
