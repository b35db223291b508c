
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

public sealed class ListShifts(ShiftList shifts, TimeProvider clock) : Endpoint<ListShiftsRequest, Paged<ShiftResponse>>
{
    public override void Configure()
    {
        Get("shifts");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadShifts));
        Summary(s => s.Summary = "Shifts in time order with assigned, confirmed, declined and attendance counts; a vendor manager sees their vendor's.");
    }

    public override async Task HandleAsync(ListShiftsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await shifts.PageAsync(new ShiftFilter(
            req.EventId, req.VendorId, req.Skill, req.From ?? clock.GetUtcNow(), req.To, req.IncludeCancelled), req, ct), ct);
}
