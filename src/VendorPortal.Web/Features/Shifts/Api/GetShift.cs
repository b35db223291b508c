
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class ShiftRoute
{
    public Guid ShiftId { get; set; }
}

public sealed class GetShift(ShiftReads reads) : Endpoint<ShiftRoute, ShiftDetail>
{
    public override void Configure()
    {
        Get("shifts/{shiftId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadShifts));
        Summary(s => s.Summary = "A shift and its agents: status, who decided and when, late decisions, decline reasons, trained for this event, attendance.");
    }

    public override async Task HandleAsync(ShiftRoute req, CancellationToken ct) => await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
}
