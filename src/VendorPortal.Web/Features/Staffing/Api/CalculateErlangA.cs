namespace VendorPortal.Web.Features.Staffing.Api;

public sealed class CalculateErlangA : Endpoint<ErlangARequest, StaffingResult>
{
    public override void Configure()
    {
        Get("staffing/erlang-a");
        Group<TenantGroup>();
        Policies(nameof(Permission.UseStaffingCalculator));
        Summary(s =>
        {
            s.Summary = "Erlang A: agents needed for a service-level target in one interval when callers hang up.";
            s.Description = "The erlang-c question plus patienceSeconds, the callers' average patience (exponential, > 0, at most 86,400). " +
                "Every measure is over all arriving contacts: serviceLevel is the share answered within targetSeconds (abandoned ones " +
                "count as not answered in time), probabilityOfWaiting the share that waits at all, averageSpeedOfAnswerSeconds the mean " +
                "time in queue, abandonRate the share that hangs up. Returns the fewest agents meeting serviceLevel and at most " +
                "maxOccupancy (occupancy = answered traffic ÷ agents) and scheduledAgents = agents ÷ (1 − shrinkage). " +
                "A 100% service level cannot be met (422).";
        });
    }

    public override async Task HandleAsync(ErlangARequest req, CancellationToken ct)
    {
        if (req.ServiceLevel >= 1)
            throw new RuleViolation("serviceLevel", StaffingRules.ServiceLevelUnreachable);
        await Send.OkAsync(Erlang.Staff(new StaffingInput(req.Contacts, req.IntervalMinutes, req.AhtSeconds,
            req.ServiceLevel, req.TargetSeconds, req.Shrinkage, req.MaxOccupancy, req.PatienceSeconds)), ct);
    }
}
