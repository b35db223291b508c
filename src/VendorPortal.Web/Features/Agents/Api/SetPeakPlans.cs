
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class SetPeakPlansRequest
{
    public List<PeakPlanInput> Plans { get; set; } = [];
}

public sealed class SetPeakPlansValidator : Validator<SetPeakPlansRequest>
{
    public SetPeakPlansValidator()
    {
        RuleFor(x => x.Plans).NotNull().Must(p => p.Count is >= 1 and <= 500).WithMessage("Send one to 500 plans.");
        RuleForEach(x => x.Plans).ChildRules(p =>
        {
            p.RuleFor(x => x.VendorId).NotEmpty();
            p.RuleFor(x => x.Skill).NotEmpty().MaximumLength(40);
            p.RuleFor(x => x.PeakHeadcount).InclusiveBetween(0, 100_000);
        });
    }
}

public sealed class SetPeakPlans(PoolDepth pool) : Endpoint<SetPeakPlansRequest, PoolResponse>
{
    public override void Configure()
    {
        Put("pool/plans");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanPool));
        Summary(s => s.Summary = "Sets the planned peak headcount per vendor and skill (all-or-nothing); returns the new pool depth.");
    }

    public override async Task HandleAsync(SetPeakPlansRequest req, CancellationToken ct)
    {
        await pool.SetPlansAsync(req.Plans, ct);
        await Send.OkAsync(await pool.ReadAsync(ct), ct);
    }
}
