
namespace VendorPortal.Web.Features.Training.Api;

public sealed class CreateTrainingSession(TrainingOperations training, TrainingReads reads) : Endpoint<TrainingSessionInput, TrainingSessionDetail>
{
    public override void Configure()
    {
        Post("training-sessions");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleTraining));
        Description(b => b.ClearDefaultProduces(200).Produces<TrainingSessionDetail>(201));
        Summary(s => s.Summary = "Schedules a training session; start and end are the tenant's local time.");
    }

    public override async Task HandleAsync(TrainingSessionInput req, CancellationToken ct)
    {
        var session = await training.CreateAsync(req, ct);
        await Send.ResponseAsync((await reads.DetailAsync(session.Id, ct))!, StatusCodes.Status201Created, ct);
    }
}
