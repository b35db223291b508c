namespace VendorPortal.Web.Features.Planning.Pages;

/// <summary>One interval's bar: the gap vendors must cover.</summary>
public sealed record GapBar(double X, double Width, double TopY, PlanCoverage Interval);

/// <summary>One skill on one day: bars for the gap, step lines for the planned shifts and the agents the vendors can give.</summary>
public sealed record SkillPlanChart(
    string Skill, IReadOnlyList<GapBar> Bars, string PlannedPath, string AllocatedPath, IReadOnlyList<(double Y, int Value)> YTicks,
    IReadOnlyList<PlanCoverage> Intervals);

/// <summary>The plan's charts for one day, drawn as inline SVG on a 24-hour axis in the tenant's zone (as the event page's).</summary>
public sealed record PlanChart(DateOnly Day, IReadOnlyList<DateOnly> Days, IReadOnlyList<SkillPlanChart> Skills, IReadOnlyList<(double X, string Label)> XTicks)
{
    public const double Width = 760, Height = 170, Left = 40, Right = 12, Top = 10, Bottom = 24;
    public const double Base = Height - Bottom;

    /// <summary>The charts for <paramref name="day"/> when the plan has it, otherwise for the day with the largest gap.</summary>
    public static PlanChart? Of(PlanResponse plan, DateOnly? day)
    {
        if (plan.Coverage.Count == 0) return null;
        var days = plan.Coverage.Select(c => c.Date).Distinct().Order().ToList();
        var shown = day is { } wanted && days.Contains(wanted)
            ? wanted
            : plan.Coverage.GroupBy(c => c.Date).OrderByDescending(g => g.Sum(c => c.Gap)).ThenBy(g => g.Key).First().Key;
        var slots = 24 * 60 / plan.IntervalMinutes;
        var slotWidth = (Width - Left - Right) / slots;
        var skills = plan.Coverage.Where(c => c.Date == shown).GroupBy(c => c.Skill).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Skill(g.Key, [.. g.OrderBy(c => c.Start)], plan.IntervalMinutes, slotWidth)).ToList();
        var xTicks = DayChart.HourTicks(Left, slotWidth, plan.IntervalMinutes);
        return new PlanChart(shown, days, skills, xTicks);
    }

    private static SkillPlanChart Skill(string skill, List<PlanCoverage> intervals, int intervalMinutes, double slotWidth)
    {
        var max = Math.Max(1, intervals.Max(i => Math.Max(i.Gap, Math.Max(i.Planned, i.Allocated))));
        var step = DayChart.TickStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        double Y(int value) => Top + (Base - Top) * (1 - value / (double)top);
        int Slot(PlanCoverage i) => (i.Start.Hour * 60 + i.Start.Minute) / intervalMinutes;
        double X(int slot) => Left + slotWidth * slot;
        var gap = Math.Min(2, slotWidth * 0.15);
        var bars = intervals.Where(i => i.Gap > 0).Select(i => new GapBar(X(Slot(i)) + gap / 2, slotWidth - gap, Y(i.Gap), i)).ToList();

        string Steps(Func<PlanCoverage, int> value) => DayChart.StepPath(intervals.Select(i => (Slot(i), Y(value(i)))), X);

        return new SkillPlanChart(skill, bars, Steps(i => i.Planned), Steps(i => i.Allocated),
            [.. Enumerable.Range(0, top / step + 1).Select(k => (Y(k * step), k * step))], intervals);
    }
}
