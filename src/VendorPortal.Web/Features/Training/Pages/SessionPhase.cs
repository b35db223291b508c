
namespace VendorPortal.Web.Features.Training.Pages;

/// <summary>Where a session stands for the people looking at it, which its stored status alone does not say.</summary>
public enum SessionPhase
{
    Upcoming,
    Running,
    Held,
    Cancelled,
}

public static class SessionPhases
{
    public static SessionPhase Of(TrainingSessionResponse s, DateTimeOffset now) =>
        s.Status == TrainingSessionStatus.Cancelled ? SessionPhase.Cancelled
        : s.EndsAt <= now ? SessionPhase.Held
        : s.StartsAt <= now ? SessionPhase.Running
        : SessionPhase.Upcoming;

    public static string Label(this IStringLocalizer T, SessionPhase phase) => phase switch
    {
        SessionPhase.Upcoming => T["Upcoming"],
        SessionPhase.Running => T["In progress"],
        SessionPhase.Held => T["Held"],
        _ => T["Cancelled"],
    };

    public static string Colour(this SessionPhase phase) => phase switch
    {
        SessionPhase.Upcoming => "primary",
        SessionPhase.Running => "info",
        SessionPhase.Held => "secondary",
        _ => "dark",
    };
}
