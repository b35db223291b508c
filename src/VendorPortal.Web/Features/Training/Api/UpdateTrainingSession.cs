
namespace VendorPortal.Web.Features.Training.Api;

public sealed class UpdateTrainingSessionRequest
{
    public Guid Id { get; set; }
    [FromBody] public TrainingSessionInput Session { get; set; } = new();
}

public sealed class UpdateTrainingSessionValidator : Validator<UpdateTrainingSessionRequest>
{
    public UpdateTrainingSessionValidator() => RuleFor(x => x.Session).NotNull().SetValidator(new TrainingSessionInputValidator());
}

public sealed class UpdateTrainingSession(TrainingOperations training, TrainingReads reads) : Endpoint<UpdateTrainingSessionRequest, TrainingSessionDetail>
{
    public override void Configure()
    {
        Put("training-sessions/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleTraining));
        Summary(s => s.Summary = "Edits or reschedules a session; vendors with enrolled agents are e-mailed when the time or place changes.");
    }

    public override async Task HandleAsync(UpdateTrainingSessionRequest req, CancellationToken ct)
    {
        await training.UpdateAsync(req.Id, req.Session, ct);
        await Send.OkAsync((await reads.DetailAsync(req.Id, ct))!, ct);
    }
}
