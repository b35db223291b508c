
namespace VendorPortal.Web.Features.Training.Api;

public sealed class CancelTrainingSessionRequest
{
    public Guid Id { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class CancelTrainingSessionValidator : Validator<CancelTrainingSessionRequest>
{
    public CancelTrainingSessionValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(400);
}

public sealed class CancelTrainingSession(TrainingOperations training, TrainingReads reads) : Endpoint<CancelTrainingSessionRequest, TrainingSessionDetail>
{
    public override void Configure()
    {
        Post("training-sessions/{id}/cancel");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleTraining));
        Summary(s => s.Summary = "Cancels a session with a reason; vendors with enrolled agents are e-mailed.");
    }

    public override async Task HandleAsync(CancelTrainingSessionRequest req, CancellationToken ct)
    {
        await training.CancelAsync(req.Id, req.Reason, ct);
        await Send.OkAsync((await reads.DetailAsync(req.Id, ct))!, ct);
    }
}
