
namespace VendorPortal.Web.Features.Training.Api;

public sealed class TrainingSessionRouteRequest
{
    public Guid Id { get; set; }
}

public sealed class GetTrainingSession(TrainingReads reads) : Endpoint<TrainingSessionRouteRequest, TrainingSessionDetail>
{
    public override void Configure()
    {
        Get("training-sessions/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadTraining));
        Summary(s => s.Summary = "A session and its roster with results; vendor users see only their own agents on the roster.");
    }

    public override async Task HandleAsync(TrainingSessionRouteRequest req, CancellationToken ct)
    {
        await Send.OkAsync(await reads.DetailAsync(req.Id, ct) ?? throw new NotFound(Thing.TrainingSession), ct);
    }
}
