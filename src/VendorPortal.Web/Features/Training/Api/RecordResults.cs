
namespace VendorPortal.Web.Features.Training.Api;

public sealed class RecordResultsRequest
{
    public Guid Id { get; set; }
    public List<ResultInput> Results { get; set; } = [];
}

public sealed class RecordResultsValidator : Validator<RecordResultsRequest>
{
    public RecordResultsValidator()
    {
        RuleFor(x => x.Results).NotNull().Must(r => r.Count is >= 1 and <= 1000).WithMessage("Send one to 1,000 results.");
        RuleForEach(x => x.Results).ChildRules(r =>
        {
            r.RuleFor(x => x.AgentId).NotEmpty();
            r.RuleFor(x => x.Outcome).IsInEnum();
            r.RuleFor(x => x.Score).InclusiveBetween(0, 100);
        });
    }
}

public sealed class RecordResults(TrainingOperations training, TrainingReads reads) : Endpoint<RecordResultsRequest, TrainingSessionDetail>
{
    public override void Configure()
    {
        Post("training-sessions/{id}/results");
        Group<TenantGroup>();
        Policies(nameof(Permission.ScheduleTraining));
        Summary(s => s.Summary = "Records results (attended, passed, failed, noShow, optional score) all-or-nothing; passing makes the agent trained for the session's event and skills.");
    }

    public override async Task HandleAsync(RecordResultsRequest req, CancellationToken ct)
    {
        await training.RecordResultsAsync(req.Id, req.Results, ct);
        await Send.OkAsync((await reads.DetailAsync(req.Id, ct))!, ct);
    }
}
