using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;

namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class RecordAttendanceRequest
{
    [FromBody] public List<AttendanceInput> Records { get; set; } = [];
}

public sealed class RecordAttendanceValidator : Validator<RecordAttendanceRequest>
{
    public RecordAttendanceValidator()
    {
        RuleFor(x => x.Records).NotNull().Must(d => d.Count is >= 1 and <= ShiftOperations.MaxBatch).WithMessage("Send one to 10,000 attendance records.");
        RuleForEach(x => x.Records).NotNull().ChildRules(d => d.RuleFor(x => x.AssignmentId).NotEmpty());
    }
}

public sealed class RecordAttendance(ShiftOperations shifts) : Endpoint<RecordAttendanceRequest, AttendanceResult>
{
    public override void Configure()
    {
        Post("attendance");
        Group<TenantGroup>();
        Policies(nameof(Permission.RecordAttendance));
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(4 * 1024 * 1024)));
        Summary(s => s.Summary = "Records who came, in bulk and all-or-nothing: [{ assignmentId, attended }] for confirmed agents of started shifts; feeds the no-show rate.");
    }

    public override async Task HandleAsync(RecordAttendanceRequest req, CancellationToken ct) =>
        await Send.OkAsync(await shifts.RecordAttendanceAsync(req.Records, ct), ct);
}
