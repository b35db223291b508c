
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class CancelShiftRequest
{
    public Guid ShiftId { get; set; }
    [FromBody] public CancelInput Cancel { get; set; } = new();
}

public sealed class CancelShiftValidator : Validator<CancelShiftRequest>
{
    public CancelShiftValidator() => RuleFor(x => x.Cancel).NotNull().SetValidator(new CancelInputValidator());
}

public sealed class CancelShift(ShiftOperations shifts, ShiftReads reads) : Endpoint<CancelShiftRequest, ShiftDetail>
{
    public override void Configure()
    {
        Post("shifts/{shiftId}/cancel");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleShifts));
        Summary(s => s.Summary = "Cancels a shift that has not started, with a reason: its agents are released and the vendor's managers are e-mailed. 409 once it has started.");
    }

    public override async Task HandleAsync(CancelShiftRequest req, CancellationToken ct)
    {
        await shifts.CancelAsync(req.ShiftId, req.Cancel.Reason, ct);
        await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
    }
}
