
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class GetScorecardsRequest : PageRequest
{
    [QueryParam] public DateOnly From { get; set; }
    [QueryParam] public DateOnly To { get; set; }
    [QueryParam] public Guid? VendorId { get; set; }
}

public sealed class GetScorecardsValidator : PageRequestValidator<GetScorecardsRequest>
{
    public GetScorecardsValidator()
    {
        RuleFor(x => x.From).NotEmpty();
        RuleFor(x => x.To).NotEmpty().GreaterThanOrEqualTo(x => x.From);
        RuleFor(x => x).Must(x => x.To.DayNumber - x.From.DayNumber < 366).WithName("to").WithMessage("A scorecard covers at most a year.");
    }
}

public sealed class GetScorecards(ScorecardList scorecards) : Endpoint<GetScorecardsRequest, Paged<VendorScorecard>>
{
    public override void Configure()
    {
        Get("scorecards");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s =>
        {
            s.Summary = "Per vendor for local dates from..to: contacts, cost, cost per contact, answer rate, handle time, complaint rate, training pass rate, confirmation rate and no-show rate.";
            s.Description = "Cost prices the range's volumes at the rate cards as one billing period, before adjustments and tax; unpricedContacts counts contacts no card covers. " +
                "Training pass rate is passed / (passed + failed + noShow) over sessions starting in the range. " +
                "Over the shifts starting in the range (cancelled ones left out): confirmationRate is confirmed / (confirmed + declined) assignments " +
                "(confirmationDecisions counts them), noShowRate is no-shows / recorded attendance (attendanceRecords counts it); a rate with nothing to count is null. " +
                "Vendor managers see their own vendor only.";
        });
    }

    public override async Task HandleAsync(GetScorecardsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await scorecards.PageAsync(new ScorecardFilter(req.From, req.To, req.VendorId), req, ct), ct);
}
