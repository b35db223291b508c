namespace VendorPortal.Web.Features.Staffing;

public sealed record StaffingInput(
    double Contacts, int IntervalMinutes, double AhtSeconds, double ServiceLevel, double TargetSeconds,
    double Shrinkage = 0, double MaxOccupancy = 1, double? PatienceSeconds = null);

public sealed record StaffingResult(
    double TrafficErlangs, int Agents, double ServiceLevel, double ProbabilityOfWaiting,
    double AverageSpeedOfAnswerSeconds, double Occupancy, int ScheduledAgents, double AbandonRate = 0);

/// <summary>
/// Erlang C staffing: the fewest agents who answer the service-level share of contacts within the target
/// time without exceeding the occupancy cap, then scheduled agents after shrinkage (agents ÷ (1 − shrinkage)).
/// The probability of waiting comes from the Erlang B recursion (B(n) = A·B(n−1) / (n + A·B(n−1))), which needs
/// no factorials or powers and stays exact enough for thousands of erlangs.
/// </summary>
public static class ErlangC
{
    public const double MaxTrafficErlangs = 100_000;

    public static StaffingResult Staff(StaffingInput input)
    {
        var traffic = input.Contacts * input.AhtSeconds / (input.IntervalMinutes * 60.0);
        if (traffic > MaxTrafficErlangs)
            throw new RuleViolation("contacts", StaffingRules.TooMuchTraffic(traffic, MaxTrafficErlangs));
        if (traffic == 0) return new StaffingResult(0, 0, 1, 0, 0, 0, 0);

        var erlangB = 1.0;
        for (var agents = 1; ; agents++)
        {
            erlangB = traffic * erlangB / (agents + traffic * erlangB);
            if (agents <= traffic) continue;
            var waiting = agents * erlangB / (agents - traffic * (1 - erlangB));
            var serviceLevel = 1 - waiting * Math.Exp(-(agents - traffic) * input.TargetSeconds / input.AhtSeconds);
            var occupancy = traffic / agents;
            if (serviceLevel < input.ServiceLevel || occupancy > input.MaxOccupancy) continue;
            return new StaffingResult(
                Round(traffic), agents, Round(serviceLevel), Round(waiting),
                Round(waiting * input.AhtSeconds / (agents - traffic)), Round(occupancy),
                Scheduled(agents, input.Shrinkage));
        }
    }

    /// <summary>Agents to put on the schedule so that, after shrinkage, the required agents are working.</summary>
    public static int Scheduled(int agents, double shrinkage) =>
        (int)Math.Ceiling(Math.Round(agents / (1 - shrinkage), 9));

    private static double Round(double value) => Math.Round(value, 6);
}
