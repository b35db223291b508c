
namespace VendorPortal.Web.Features.Shifts.Pages;

/// <summary>Where a shift stands for the people looking at it, which its stored status alone does not say.</summary>
public enum ShiftPhase
{
    Upcoming,
    Running,
    Over,
    Cancelled,
}

/// <summary>Display names and badge colours for shifts and assignments, in the current UI language.</summary>
public static class ShiftLabels
{
    public static ShiftPhase PhaseOf(ShiftResponse s, DateTimeOffset now) =>
        s.Status == ShiftStatus.Cancelled ? ShiftPhase.Cancelled
        : s.EndsAt <= now ? ShiftPhase.Over
        : s.StartsAt <= now ? ShiftPhase.Running
        : ShiftPhase.Upcoming;

    public static string Label(this IStringLocalizer T, ShiftPhase phase) => phase switch
    {
        ShiftPhase.Upcoming => T["Upcoming"],
        ShiftPhase.Running => T["In progress"],
        ShiftPhase.Over => T["Over"],
        _ => T["Cancelled"],
    };

    public static string Colour(this ShiftPhase phase) => phase switch
    {
        ShiftPhase.Upcoming => "primary",
        ShiftPhase.Running => "info",
        ShiftPhase.Over => "secondary",
        _ => "dark",
    };

    public static string Status(this IStringLocalizer T, AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => T["Awaiting confirmation"],
        AssignmentStatus.Confirmed => T["Confirmed"],
        AssignmentStatus.Declined => T["Declined"],
        _ => T["Released"],
    };

    public static string Colour(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => "warning",
        AssignmentStatus.Confirmed => "success",
        AssignmentStatus.Declined => "danger",
        _ => "secondary",
    };
}
