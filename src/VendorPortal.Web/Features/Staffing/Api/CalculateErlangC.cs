
namespace VendorPortal.Web.Features.Staffing.Api;

public sealed class CalculateErlangC : Endpoint<ErlangCRequest, StaffingResult>
{
    public override void Configure()
    {
        Get("staffing/erlang-c");
        Group<TenantGroup>();
        Policies(nameof(Permission.UseStaffingCalculator));
        Summary(s =>
        {
            s.Summary = "Erlang C: agents needed for a service-level target in one interval.";
            s.Description = "Traffic in erlangs = contacts × AHT ÷ interval. Returns the fewest agents meeting serviceLevel " +
                "within targetSeconds and at most maxOccupancy, with probability of waiting, average speed of answer, occupancy " +
                "and scheduledAgents = agents ÷ (1 − shrinkage). A 100% service level cannot be met (422).";
        });
    }

    public override async Task HandleAsync(ErlangCRequest req, CancellationToken ct)
    {
        if (req.ServiceLevel >= 1)
            throw new RuleViolation("serviceLevel", StaffingRules.ServiceLevelUnreachable);
        await Send.OkAsync(ErlangC.Staff(new StaffingInput(req.Contacts, req.IntervalMinutes, req.AhtSeconds,
            req.ServiceLevel, req.TargetSeconds, req.Shrinkage, req.MaxOccupancy)), ct);
    }
}
