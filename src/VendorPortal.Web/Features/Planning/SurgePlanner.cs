using Google.OrTools.Sat;

namespace VendorPortal.Web.Features.Planning;

/// <summary>A candidate or chosen shift of one day, in interval slots from the day's first forecast interval.</summary>
public readonly record struct PlannedSpan(int Start, int Length, int Agents);

/// <summary>The cheapest set of shifts covering one skill's gap on one day, with the solver's proven bound.</summary>
public sealed record SpanPlan(IReadOnlyList<PlannedSpan> Spans, long Cost, long LowerBound, bool Optimal, IReadOnlyList<int> Uncoverable);

/// <summary>
/// The covering problem of one skill on one day, free of the database: integer agents per candidate shift (a start on the
/// step grid inside the forecast window × an allowed length, ending inside the window), every interval's agents on shift at
/// least its gap, fewest agent-intervals. CP-SAT with one worker, a fixed seed and a deterministic time limit, so the same
/// input gives the same plan on any machine, however loaded.
/// </summary>
public static class SurgePlanner
{
    /// <summary>Deterministic time (the solver's own work units, not seconds) each day's solve may use.</summary>
    public const double DeterministicTimeLimit = 2.0;

    /// <param name="gap">Agents still needed per slot of the day's window.</param>
    /// <param name="lengths">Allowed shift lengths in slots.</param>
    /// <param name="step">Shift starts every this many slots from the window's start.</param>
    public static SpanPlan Solve(IReadOnlyList<int> gap, IReadOnlyList<int> lengths, int step)
    {
        var slots = gap.Count;
        var candidates = new List<(int Start, int Length)>();
        for (var s = 0; s < slots; s += step)
            foreach (var l in lengths.Distinct().Order())
                if (s + l <= slots) candidates.Add((s, l));
        var uncoverable = Enumerable.Range(0, slots).Where(t => gap[t] > 0 && !candidates.Any(c => c.Start <= t && t < c.Start + c.Length)).ToList();
        if (gap.All(g => g <= 0) || candidates.Count == 0) return new SpanPlan([], 0, 0, true, uncoverable);

        // A shift never needs more agents than the largest gap it covers; shifts covering no gap are left out.
        var useful = candidates
            .Select(c => (c.Start, c.Length, Max: Enumerable.Range(c.Start, c.Length).Max(t => gap[t])))
            .Where(c => c.Max > 0).ToList();
        var model = new CpModel();
        var x = useful.Select((c, i) => model.NewIntVar(0, c.Max, $"x{i}")).ToArray();
        for (var t = 0; t < slots; t++)
        {
            if (gap[t] <= 0 || uncoverable.Contains(t)) continue;
            var on = new List<IntVar>();
            for (var i = 0; i < useful.Count; i++)
                if (useful[i].Start <= t && t < useful[i].Start + useful[i].Length) on.Add(x[i]);
            model.Add(LinearExpr.Sum(on) >= gap[t]);
        }
        model.Minimize(LinearExpr.WeightedSum(x, useful.Select(c => (long)c.Length)));

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:1,random_seed:20261212,max_deterministic_time:{DeterministicTimeLimit},log_search_progress:false"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            throw new InvalidOperationException($"The shift planner found no plan ({status}).");
        var spans = useful.Select((c, i) => new PlannedSpan(c.Start, c.Length, (int)solver.Value(x[i])))
            .Where(s => s.Agents > 0).OrderBy(s => s.Start).ThenBy(s => s.Length).ToList();
        var cost = spans.Sum(s => (long)s.Agents * s.Length);
        var bound = (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6);
        return new SpanPlan(spans, cost, Math.Min(bound, cost), status == CpSolverStatus.Optimal, uncoverable);
    }
}
