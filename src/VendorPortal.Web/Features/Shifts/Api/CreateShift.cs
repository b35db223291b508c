
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class CreateShift(ShiftOperations shifts, ShiftReads reads) : Endpoint<ShiftInput, ShiftDetail>
{
    public override void Configure()
    {
        Post("shifts");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleShifts));
        Description(b => b.ClearDefaultProduces(200).Produces<ShiftDetail>(201));
        Summary(s => s.Summary = "Adds a shift agreed with a vendor directly, outside a capacity request; times are the tenant's local time.");
    }

    public override async Task HandleAsync(ShiftInput req, CancellationToken ct)
    {
        var shift = await shifts.CreateAsync(req, ct);
        await Send.ResponseAsync(await reads.ShiftAsync(shift.Id, ct), StatusCodes.Status201Created, ct);
    }
}
