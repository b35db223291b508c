
namespace VendorPortal.Web.Features.Readiness;

public enum ReadinessStatus
{
    Green,
    Amber,
    Red,
}

/// <summary>What keeps a shift from green, with the numbers that say how far off it is.</summary>
public enum ReadinessGap
{
    /// <summary>The confirm-by time has passed with fewer confirmed than required.</summary>
    ConfirmationsOverdue,
    NotEnoughAssigned,
    NotEnoughConfirmed,
    /// <summary>Confirmed agents without a valid pass for this event and skill (Count of them).</summary>
    ConfirmedNotTrained,
    /// <summary>Too few confirmed-and-trained although every confirmed agent is trained (Count of Of).</summary>
    NotEnoughTrained,
    /// <summary>Enough confirmed, but at the vendor's show rate reaching the requirement is unlikely (Count is the percentage).</summary>
    UnlikelyToReach,
}

public sealed record ReadinessReason(ReadinessGap Gap, int Count, int Of)
{
    public string Text() => Gap switch
    {
        ReadinessGap.ConfirmationsOverdue => "confirmations overdue",
        ReadinessGap.NotEnoughAssigned => Invariant($"{Count} of {Of} assigned"),
        ReadinessGap.NotEnoughConfirmed => Invariant($"{Count} of {Of} confirmed"),
        ReadinessGap.ConfirmedNotTrained => Count == 1 ? "1 confirmed agent not trained" : Invariant($"{Count} confirmed agents not trained"),
        ReadinessGap.NotEnoughTrained => Invariant($"{Count} of {Of} confirmed and trained"),
        _ => Invariant($"{Count}% likely to reach {Of}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The tenant's settings the status is judged by.</summary>
public sealed record ReadinessThresholds(int ConfirmedPercent, int TrainedPercent, double MinimumProbability, int RedWithinHours)
{
    /// <summary>Below this chance of reaching the requirement a shift is not green.</summary>
    public const double GreenProbability = 0.8;

    public static ReadinessThresholds Of(Tenants.Tenant tenant) =>
        new(tenant.ConfirmedAlertPercent, tenant.TrainedAlertPercent, GreenProbability, tenant.AlertLeadHours.DefaultIfEmpty(0).Max());

    public int ConfirmedNeeded(int required) => Share(required, ConfirmedPercent);

    public int TrainedNeeded(int required) => Share(required, TrainedPercent);

    private static int Share(int required, int percent) => (required * percent + 99) / 100;
}

/// <summary>A shift's numbers at one moment, as the status rules read them.</summary>
public readonly record struct ReadinessFigures(
    int Required, int Assigned, int Confirmed, int ConfirmedAndTrained, double Probability,
    DateTimeOffset StartsAt, DateTimeOffset ConfirmBy, DateTimeOffset Now);

/// <summary>
/// The readiness arithmetic, free of the database: a vendor's show rate, the chance that enough confirmed agents come,
/// and the traffic light.
/// </summary>
public static class ReadinessRules
{
    /// <summary>
    /// A vendor's show rate is their recorded attendance smoothed toward a prior of 90 % that counts as 10 records, so a
    /// vendor with no or little history is taken neither as certain to come (1.0) nor as never coming (0.0); their own
    /// record outweighs the prior as it grows (after 90 records it carries 90 % of the weight).
    /// </summary>
    public static readonly (double Rate, int Records) ShowRatePrior = (0.9, 10);

    /// <summary>Attendance recorded on shifts that started this long ago or less counts towards the show rate.</summary>
    public static readonly TimeSpan ShowRateHistory = TimeSpan.FromDays(180);

    /// <summary>(attended + 9) / (recorded + 10): the recorded attendance smoothed toward the prior.</summary>
    public static double ShowRate(int attended, int recorded) =>
        (attended + ShowRatePrior.Rate * ShowRatePrior.Records) / (recorded + ShowRatePrior.Records);

    /// <summary>
    /// P[X ≥ required] for X ~ Binomial(confirmed, showRate): each confirmed agent comes independently with the show rate.
    /// Summed in log space (log-sum-exp over the upper tail), so a shift of hundreds neither underflows nor overflows.
    /// </summary>
    public static double ProbabilityOfReaching(int required, int confirmed, double showRate)
    {
        if (required <= 0) return 1;
        if (confirmed < required) return 0;
        if (showRate >= 1) return 1;
        if (showRate <= 0) return 0;
        var logP = Math.Log(showRate);
        var logQ = double.LogP1(-showRate);
        var logChoose = 0.0;
        var terms = new double[confirmed - required + 1];
        for (var k = 0; k <= confirmed; k++)
        {
            if (k >= required) terms[k - required] = logChoose + k * logP + (confirmed - k) * logQ;
            logChoose += Math.Log(confirmed - k) - Math.Log(k + 1);
        }
        var max = terms.Max();
        var sum = terms.Sum(t => Math.Exp(t - max));
        return Math.Clamp(Math.Exp(max + Math.Log(sum)), 0, 1);
    }

    /// <summary>
    /// Red: the confirm-by time has passed with fewer confirmed than required, or fewer agents are assigned than required
    /// and the shift starts within the tenant's largest alert lead time. Green: confirmed and confirmed-and-trained reach
    /// the tenant's shares of the requirement and reaching it is at least 80 % likely. Amber: anything else.
    /// The reasons say what keeps the shift from green.
    /// </summary>
    public static (ReadinessStatus Status, IReadOnlyList<ReadinessReason> Reasons) Assess(ReadinessFigures f, ReadinessThresholds t)
    {
        var overdue = f.Now > f.ConfirmBy && f.Confirmed < f.Required;
        var underAssigned = f.Assigned < f.Required;
        var startsSoon = f.StartsAt - f.Now <= TimeSpan.FromHours(t.RedWithinHours);
        var confirmedShort = f.Confirmed < t.ConfirmedNeeded(f.Required);
        var trainedShort = f.ConfirmedAndTrained < t.TrainedNeeded(f.Required);
        var unlikely = f.Probability < t.MinimumProbability;

        var reasons = new List<ReadinessReason>();
        if (overdue) reasons.Add(new(ReadinessGap.ConfirmationsOverdue, f.Confirmed, f.Required));
        if (underAssigned) reasons.Add(new(ReadinessGap.NotEnoughAssigned, f.Assigned, f.Required));
        if (confirmedShort || f.Confirmed < f.Required) reasons.Add(new(ReadinessGap.NotEnoughConfirmed, f.Confirmed, f.Required));
        if (trainedShort)
        {
            var untrained = f.Confirmed - f.ConfirmedAndTrained;
            reasons.Add(untrained > 0
                ? new(ReadinessGap.ConfirmedNotTrained, untrained, f.Confirmed)
                : new(ReadinessGap.NotEnoughTrained, f.ConfirmedAndTrained, f.Required));
        }
        if (unlikely && f.Confirmed >= f.Required)
            reasons.Add(new(ReadinessGap.UnlikelyToReach, (int)Math.Floor(f.Probability * 100), f.Required));

        var status = overdue || (underAssigned && startsSoon) ? ReadinessStatus.Red
            : confirmedShort || trainedShort || unlikely ? ReadinessStatus.Amber
            : ReadinessStatus.Green;
        return (status, reasons);
    }
}
