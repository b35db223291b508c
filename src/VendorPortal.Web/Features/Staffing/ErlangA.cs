namespace VendorPortal.Web.Features.Staffing;

/// <summary>One staffing model's measures for a given number of agents.</summary>
public readonly record struct ErlangAMeasures(
    double ServiceLevel, double ProbabilityOfWaiting, double AverageSpeedOfAnswerSeconds, double AbandonRate, double Occupancy);

/// <summary>
/// Erlang A (M/M/n+M): callers hang up after an exponential patience, which Erlang C ignores and so over-staffs.
/// The birth–death chain has rates λ/(kμ) below n agents and λ/(nμ + jθ) with j callers queued (θ = 1/patience).
/// States up to n come from the Erlang B recursion (their weights relative to the all-busy state), the queue's
/// tail from a rescaled product truncated once the rest is provably negligible, so nothing overflows at any size.
/// Measures are over all arrivals: waiting = P(N ≥ n); abandon = θ·E[queue]/λ; average speed of answer =
/// E[queue]/λ (Little); service level = P(no wait) + Σ_j P(n+j)·P(served within t | j ahead). A caller with j ahead
/// is served if the j+1 stages of rates nμ+iθ (i = j..0) end before its own patience; that probability within t is
/// nμ/(nμ+(j+1)θ)·P(Beta(nμ/θ+1, j+1) ≥ e^(−θt)), the Mandelbaum–Zeltyn form, and the incomplete beta is a sum of
/// positive negative-binomial terms accumulated along j, so nothing cancels.
/// </summary>
public static class ErlangA
{
    public const double MaxPatienceSeconds = 86_400;
    /// <summary>
    /// The longest queue summed term by term. Only thousands of erlangs with callers patient for hours far beyond the
    /// handle time come near it (their queue spreads over millions of states); they get a clear refusal, not a hang.
    /// </summary>
    public const int MaxQueueStates = 20_000_000;

    public static StaffingResult Staff(StaffingInput input, double patienceSeconds)
    {
        var traffic = input.Contacts * input.AhtSeconds / (input.IntervalMinutes * 60.0);
        if (traffic > ErlangC.MaxTrafficErlangs)
            throw new RuleViolation("contacts", StaffingRules.TooMuchTraffic(traffic, ErlangC.MaxTrafficErlangs));
        if (traffic == 0) return new StaffingResult(0, 0, 1, 0, 0, 0, 0);

        bool Meets(ErlangAMeasures m) => m.ServiceLevel >= input.ServiceLevel && m.Occupancy <= input.MaxOccupancy;
        ErlangAMeasures At(int agents) => Measures(traffic, agents, input.AhtSeconds, patienceSeconds, input.TargetSeconds);

        // Served callers never exceed n/A of the arrivals, so fewer than ⌈SL·A⌉ agents cannot meet the target. The
        // service level rises and the occupancy falls with every agent added. Start at the traffic (below it the queue
        // of patient callers grows long and slow to sum), gallop down or up to bracket the answer, then bisect.
        var low = Math.Max(1, (int)Math.Ceiling(Math.Round(input.ServiceLevel * traffic, 9)));
        var agents = Math.Max(low, (int)Math.Ceiling(Math.Round(traffic, 9)));
        var measures = At(agents);
        int failing;
        if (Meets(measures))
        {
            failing = low - 1;
            for (var step = 1; agents - step >= low; step *= 2)
            {
                var m = At(agents - step);
                if (!Meets(m))
                {
                    failing = agents - step;
                    break;
                }
                (agents, measures) = (agents - step, m);
            }
        }
        else
        {
            failing = agents;
            for (var step = 1; ; step *= 2)
            {
                var probe = (int)Math.Min(int.MaxValue, (long)failing + step);
                var m = At(probe);
                if (Meets(m))
                {
                    (agents, measures) = (probe, m);
                    break;
                }
                failing = probe;
            }
        }
        while (agents - failing > 1)
        {
            var middle = failing + (agents - failing) / 2;
            var m = At(middle);
            if (Meets(m)) (agents, measures) = (middle, m);
            else failing = middle;
        }
        return new StaffingResult(
            Round(traffic), agents, Round(measures.ServiceLevel), Round(measures.ProbabilityOfWaiting),
            Round(measures.AverageSpeedOfAnswerSeconds), Round(measures.Occupancy),
            ErlangC.Scheduled(agents, input.Shrinkage), Round(measures.AbandonRate));
    }

    /// <summary>The M/M/n+M measures for <paramref name="agents"/> agents facing <paramref name="traffic"/> erlangs.</summary>
    public static ErlangAMeasures Measures(double traffic, int agents, double ahtSeconds, double patienceSeconds, double targetSeconds)
    {
        var n = agents;
        // Erlang B: the all-busy state's share of the states 0..n.
        var erlangB = 1.0;
        for (var k = 1; k <= n; k++) erlangB = traffic * erlangB / (k + traffic * erlangB);

        // Rates in units of 1/AHT: μ = 1, λ = A, θ = AHT / patience.
        var theta = ahtSeconds / patienceSeconds;
        var a = n / theta; // nμ/θ
        var thetaT = targetSeconds / patienceSeconds;
        var x = Math.Exp(-thetaT);
        var logOneMinusX = targetSeconds > 0 ? Math.Log(-double.ExpM1(-thetaT)) : double.NegativeInfinity;

        // Tail weights t_j = π(n+j)/π(n), kept as t·e^scale; sums of t_j, j·t_j and t_j·P(served within target).
        double t = 1, total = 0, queued = 0, servedInTime = 0, scale = 0;
        // Negative-binomial terms p_m = x^(a+1)·C(a+m, m)·(1−x)^m in logs; their running sum is I_x(a+1, j+1).
        var logP = targetSeconds > 0 ? -(a + 1) * thetaT : double.NegativeInfinity;
        var incompleteBeta = 0.0;
        const double Rescale = 1e200;
        for (var j = 0; ; j++)
        {
            if (j > MaxQueueStates)
                throw new RuleViolation("patienceSeconds", StaffingRules.ErlangATooLong(traffic, patienceSeconds));
            if (j > 0)
            {
                t *= traffic / (n + j * theta);
                if (targetSeconds > 0) logP += Math.Log((a + j) / j) + logOneMinusX;
            }
            incompleteBeta = targetSeconds > 0 ? Math.Min(1, incompleteBeta + Math.Exp(logP)) : 1;
            total += t;
            queued += j * t;
            servedInTime += t * n / (n + (j + 1) * theta) * (1 - incompleteBeta);
            if (t > Rescale)
            {
                t /= Rescale; total /= Rescale; queued /= Rescale; servedInTime /= Rescale;
                scale += Math.Log(Rescale);
            }
            // The ratios of successive terms only fall from here, so the rest is at most a geometric series.
            var ratio = traffic / (n + (j + 1) * theta);
            if (ratio < 1)
            {
                var rest = t * ratio / (1 - ratio);
                if (rest * (j + 2 + 1 / (1 - ratio)) <= 1e-17 * Math.Max(total, queued)) break;
            }
        }

        // Weights relative to the states 0..n summing to 1: block = 1 − B below n, the tail B·t_j·e^scale from n on.
        var logTail = Math.Log(erlangB) + scale;
        double below, tail;
        if (logTail > 0) (below, tail) = ((1 - erlangB) * Math.Exp(-logTail), 1.0);
        else (below, tail) = (1 - erlangB, Math.Exp(logTail));
        var z = below + tail * total;
        var waiting = tail * total / z;
        var queueLength = tail * queued / z; // in calls
        var abandon = theta * queueLength / traffic;
        return new ErlangAMeasures(
            ServiceLevel: Math.Clamp(below / z + tail * servedInTime / z, 0, 1),
            ProbabilityOfWaiting: waiting,
            AverageSpeedOfAnswerSeconds: queueLength / traffic * ahtSeconds,
            AbandonRate: abandon,
            Occupancy: traffic * (1 - abandon) / n);
    }

    private static double Round(double value) => Math.Round(value, 6);
}

/// <summary>One way to staff an interval, whichever model the event or the calculator chose.</summary>
public static class Erlang
{
    /// <summary>Erlang A when the callers' patience is given, Erlang C otherwise.</summary>
    public static StaffingResult Staff(StaffingInput input) =>
        input.PatienceSeconds is { } patience ? ErlangA.Staff(input, patience) : ErlangC.Staff(input);
}
