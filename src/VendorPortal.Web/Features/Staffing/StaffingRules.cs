namespace VendorPortal.Web.Features.Staffing;

/// <summary>The rules of the staffing calculator. Texts in Resources/RuleMessages*.resx.</summary>
public static class StaffingRules
{
    /// <summary>Erlang C needs infinitely many agents to answer every contact in time.</summary>
    public static RuleError ServiceLevelUnreachable => new("staffing.service_level_unreachable");
    public static RuleError TooMuchTraffic(double erlangs, double max) => new("staffing.too_much_traffic", erlangs, max);
    /// <summary>Erlang A's queue would spread over too many states to sum in reasonable time.</summary>
    public static RuleError ErlangATooLong(double erlangs, double patienceSeconds) => new("staffing.erlang_a_too_long", erlangs, patienceSeconds);
}
