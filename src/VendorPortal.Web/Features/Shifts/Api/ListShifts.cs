using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class ListShiftsRequest : PageRequest
{
    [QueryParam] public Guid? EventId { get; set; }
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public string? Skill { get; set; }
    /// <summary>Shifts ending on or after this instant (default: now, so past shifts drop off).</summary>
    [QueryParam] public DateTimeOffset? From { get; set; }
    [QueryParam] public DateTimeOffset? To { get; set; }
    [QueryParam] public bool IncludeCancelled { get; set; }
}

public sealed class ListShiftsValidator : PageRequestValidator<ListShiftsRequest>;

public sealed class ListShifts(AppDbContext db, ShiftReads reads, TimeProvider clock) : Endpoint<ListShiftsRequest, Paged<ShiftResponse>>
{
    public override void Configure()
    {
        Get("shifts");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadShifts));
        Summary(s => s.Summary = "Shifts in time order with assigned, confirmed, declined and attendance counts; a vendor manager sees their vendor's.");
    }

    public override async Task HandleAsync(ListShiftsRequest req, CancellationToken ct)
    {
        var from = req.From ?? clock.GetUtcNow();
        var query = db.Shifts.Where(s => s.EndsAt >= from);
        if (req.To is { } to) query = query.Where(s => s.StartsAt <= to);
        if (req.EventId is { } eventId) query = query.Where(s => s.EventId == eventId);
        if (req.VendorId is { } vendorId) query = query.Where(s => s.VendorId == vendorId);
        if (!string.IsNullOrWhiteSpace(req.Skill))
        {
            var code = req.Skill.Trim().ToUpperInvariant();
            query = query.Where(s => db.Skills.Any(k => k.Id == s.SkillId && k.Code == code));
        }
        if (!req.IncludeCancelled) query = query.Where(s => s.Status == ShiftStatus.Scheduled);
        query = query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id);
        var total = await query.CountAsync(ct);
        var items = await reads.ShiftsAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<ShiftResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
