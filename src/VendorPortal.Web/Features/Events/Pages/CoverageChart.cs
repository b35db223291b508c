namespace VendorPortal.Web.Features.Events.Pages;

/// <summary>One interval's bar: the gap vendors must cover (scheduled minus in-house), split where the confirmed vendor agents stop covering it.</summary>
public sealed record CoverageBar(double X, double Width, double TopY, double CoveredY, bool Short, StaffingInterval Interval);

/// <summary>One skill on one day: bars for the gap vendors must cover, step lines for requested, committed and confirmed agents.</summary>
public sealed record SkillCoverageChart(
    string Skill, IReadOnlyList<CoverageBar> Bars, string RequestedPath, string CommittedPath, string ConfirmedPath,
    IReadOnlyList<(double Y, int Value)> YTicks, int ShortIntervals, int WorstGap, DateTimeOffset? WorstAt);

/// <summary>The event page's charts for one day, drawn as inline SVG on a 24-hour axis in the tenant's zone.</summary>
public sealed record CoverageChart(DateOnly Day, IReadOnlyList<DateOnly> Days, IReadOnlyList<SkillCoverageChart> Skills, IReadOnlyList<(double X, string Label)> XTicks)
{
    public const double Width = 760, Height = 190, Left = 40, Right = 12, Top = 10, Bottom = 24;
    public const double Base = Height - Bottom;

    /// <summary>The charts for <paramref name="day"/> when the forecast has it, otherwise for the day needing the most agents.</summary>
    public static CoverageChart? Of(EventStaffing staffing, DateOnly? day)
    {
        if (staffing.Days.Count == 0) return null;
        var days = staffing.Days.Select(d => d.Date).Distinct().Order().ToList();
        var shown = day is { } wanted && days.Contains(wanted)
            ? wanted
            : staffing.Days.GroupBy(d => d.Date).MaxBy(g => (g.Sum(d => d.GapAgents), g.Sum(d => d.PeakScheduledAgents)))!.Key;
        var slots = 24 * 60 / staffing.IntervalMinutes;
        var slotWidth = (Width - Left - Right) / slots;
        var skills = staffing.Intervals.Where(i => i.Date == shown).GroupBy(i => i.Skill).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Skill(g.Key, [.. g.OrderBy(i => i.Start)], staffing.IntervalMinutes, slotWidth)).ToList();
        var xTicks = DayChart.HourTicks(Left, slotWidth, staffing.IntervalMinutes);
        return new CoverageChart(shown, days, skills, xTicks);
    }

    private static SkillCoverageChart Skill(string skill, List<StaffingInterval> intervals, int intervalMinutes, double slotWidth)
    {
        var max = Math.Max(1, intervals.Max(i => Math.Max(Math.Max(i.GapAgents, i.RequestedAgents), Math.Max(i.CommittedAgents, i.ConfirmedAgents))));
        var step = DayChart.TickStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        double Y(int value) => Top + (Base - Top) * (1 - value / (double)top);
        int Slot(StaffingInterval i) => (int)(TimeOnly.FromDateTime(i.Start.DateTime).ToTimeSpan().TotalMinutes / intervalMinutes);
        double X(int slot) => Left + slotWidth * slot;

        var gap = Math.Min(2, slotWidth * 0.15);
        var bars = intervals.Where(i => i.GapAgents > 0).Select(i => new CoverageBar(
            X(Slot(i)) + gap / 2, slotWidth - gap, Y(i.GapAgents), Y(Math.Min(i.ConfirmedAgents, i.GapAgents)),
            i.ConfirmedAgents < i.GapAgents, i)).ToList();

        string Steps(Func<StaffingInterval, int> value) => DayChart.StepPath(intervals.Select(i => (Slot(i), Y(value(i)))), X);

        var worst = intervals.MaxBy(i => i.GapAgents - i.ConfirmedAgents)!;
        var worstGap = Math.Max(0, worst.GapAgents - worst.ConfirmedAgents);
        return new SkillCoverageChart(skill, bars, Steps(i => i.RequestedAgents), Steps(i => i.CommittedAgents), Steps(i => i.ConfirmedAgents),
            [.. Enumerable.Range(0, top / step + 1).Select(k => (Y(k * step), k * step))],
            intervals.Count(i => i.ConfirmedAgents < i.GapAgents), worstGap, worstGap > 0 ? worst.Start : null);
    }
}
