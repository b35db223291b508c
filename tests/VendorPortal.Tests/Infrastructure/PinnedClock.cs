using System.Diagnostics;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// The clock of every test host that does not move time itself: it starts at one fixed instant and runs on with
/// the real elapsed time, so "newest first" and "last used" still order, but no date comes from the machine.
/// Shared by the HTTP and the browser tests (linked into both projects).
/// </summary>
public sealed class PinnedClock : TimeProvider
{
    /// <summary>
    /// Friday 2026-11-20, 16:00 in Shanghai (tenant demo) and 08:00 in London (tenant sandbox): a working day; not the
    /// first of a month, so the hourly statement run drafts nothing behind the tests' backs; the demo's Double 11 just
    /// behind it; and the 2027 daylight-saving changes that some tests plan shifts on still ahead.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The day that test helpers without the app at hand count "days ahead" from: the first day of every test host's
    /// clock, so an event made <c>daysAhead</c> out and the shifts placed on it agree on a host whose clock a test moved.
    /// </summary>
    public static DateTime StartDay => Start.UtcDateTime.Date;

    private readonly long started = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset start;

    public PinnedClock() : this(Start)
    {
    }

    /// <summary>A clock pinned at another instant, running on from there.</summary>
    public PinnedClock(DateTimeOffset start) => this.start = start;

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(started);
}
