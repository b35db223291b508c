using VendorPortal.Web.Features.Events;

using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

/// <summary>One skill's slots in the fill view, with its totals.</summary>
public sealed record FillSkill(string Skill, IReadOnlyList<FillSlot> Slots)
{
    public int Needed => Slots.Sum(s => s.Needed);
    public int Gap => Slots.Sum(s => s.Gap);
}

[Authorize(Policy = nameof(Permission.RequestCapacity))]
public sealed class FillModel(AppDbContext db, EventOperations events, CapacityRequestReads reads) : PageModel
{
    public EventResponse Event { get; private set; } = null!;
    public string ZoneId { get; private set; } = "";
    public IReadOnlyList<FillSkill> Skills { get; private set; } = [];
    public IReadOnlyList<FillSlot> Slots { get; private set; } = [];

    public async Task OnGetAsync(Guid eventId, CancellationToken ct)
    {
        Event = await events.ResponseAsync(eventId, ct);
        ZoneId = (await db.TenantZoneAsync(ct)).Id;
        Slots = await reads.FillAsync(eventId, ct);
        Skills = [.. Slots.GroupBy(s => s.Skill).Select(g => new FillSkill(g.Key, [.. g]))];
    }

    /// <summary>
    /// The request a backfill for this slot backs up: the first vendor asked (not itself a backfill) who committed less than
    /// it was asked for.
    /// </summary>
    public static Guid? BackfillFor(FillSlot slot) =>
        slot.Vendors.FirstOrDefault(v => !v.Backfill && v.RequestId is not null && v.Status == CapacityRequestStatus.Responded && v.Committed < v.Asked)
            ?.RequestId;

    /// <summary>Widths in percent of the slot's bar: confirmed, committed but not confirmed, awaiting an answer, and the gap.</summary>
    public static (double Confirmed, double Committed, double Pending, double Gap) Bar(FillSlot slot)
    {
        var confirmed = Math.Min(slot.Confirmed, slot.Committed);
        var total = Math.Max(slot.Needed, slot.Committed + slot.Pending + slot.Gap);
        if (total == 0) return (0, 0, 0, 0);
        double Pct(int n) => Math.Round(100.0 * n / total, 2);
        return (Pct(confirmed), Pct(slot.Committed - confirmed), Pct(slot.Pending), Pct(slot.Gap));
    }
}
