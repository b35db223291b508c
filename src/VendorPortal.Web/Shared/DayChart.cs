using System.Text;

namespace VendorPortal.Web.Shared;

/// <summary>
/// What the event page's and the plan page's charts share: a 24-hour x axis of interval slots, a y axis rounded up to a
/// tick step, and step lines over the slots that break where a slot is missing.
/// </summary>
public static class DayChart
{
    /// <summary>A label every three hours, from 00:00 to 24:00.</summary>
    public static IReadOnlyList<(double X, string Label)> HourTicks(double left, double slotWidth, int intervalMinutes) =>
        [.. Enumerable.Range(0, 9).Select(h => (left + slotWidth * h * 3 * 60 / intervalMinutes, $"{h * 3:00}:00"))];

    /// <summary>A round step for the y axis's ticks, at most four of them up to <paramref name="max"/>.</summary>
    public static int TickStep(int max)
    {
        foreach (var s in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000 })
            if (max / s <= 4) return s;
        return 10_000;
    }

    /// <summary>An SVG path drawing each slot's value as a horizontal step; consecutive slots join with a vertical line.</summary>
    public static string StepPath(IEnumerable<(int Slot, double Y)> points, Func<int, double> x)
    {
        var path = new StringBuilder();
        var previous = int.MinValue;
        foreach (var (slot, y) in points)
        {
            if (slot == previous + 1) path.Append(CultureInfo.InvariantCulture, $"V{y:0.#}");
            else path.Append(CultureInfo.InvariantCulture, $"M{x(slot):0.#},{y:0.#}");
            path.Append(CultureInfo.InvariantCulture, $"H{x(slot + 1):0.#}");
            previous = slot;
        }
        return path.ToString();
    }
}
