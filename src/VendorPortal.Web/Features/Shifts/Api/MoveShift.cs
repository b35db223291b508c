
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class MoveShiftRequest
{
    public Guid ShiftId { get; set; }
    [FromBody] public MoveInput Move { get; set; } = new();
}

public sealed class MoveShiftValidator : Validator<MoveShiftRequest>
{
    public MoveShiftValidator() => RuleFor(x => x.Move).NotNull().SetValidator(new MoveInputValidator());
}

public sealed class MoveShift(ShiftOperations shifts, ShiftReads reads) : Endpoint<MoveShiftRequest, ShiftDetail>
{
    public override void Configure()
    {
        Patch("shifts/{shiftId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleShifts));
        Summary(s =>
        {
            s.Summary = "Moves a shift that has not started to new times: its vendor's managers are e-mailed and confirmations are asked again.";
            s.Description = "`startsAt` and `endsAt` are instants with their offset, as the shift reads them back (a time without an offset is " +
                "refused with 400: it would otherwise be read in the server's zone). The new times follow the rules of a new shift: a start on " +
                "a day of the event in the tenant's time zone (a shift may start the evening before), in the future, and an end after it at most " +
                "12 hours later (422, naming the field). A cancelled or started shift answers 409, and so does a time that would put an assigned " +
                "agent on another shift or in training at once. Agents keep their places; confirmed ones go back to awaiting confirmation. The " +
                "calendar feed raises the shift's SEQUENCE. Sending the times the shift already has changes nothing.";
            s.ExampleRequest = new MoveShiftRequest
            {
                Move = new MoveInput
                {
                    StartsAt = new DateTimeOffset(2026, 12, 12, 10, 0, 0, TimeSpan.FromHours(8)),
                    EndsAt = new DateTimeOffset(2026, 12, 12, 18, 0, 0, TimeSpan.FromHours(8)),
                },
            };
        });
    }

    public override async Task HandleAsync(MoveShiftRequest req, CancellationToken ct)
    {
        await shifts.MoveAsync(req.ShiftId, req.Move.StartsAt!.Value, req.Move.EndsAt!.Value, ct);
        await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
    }
}
