
namespace VendorPortal.Web.Features.Readiness.Pages;

/// <summary>The traffic light and its reasons in the reader's language.</summary>
public static class ReadinessLabels
{
    public static string Label(this IStringLocalizer T, ReadinessStatus status) => status switch
    {
        ReadinessStatus.Green => T["On track"],
        ReadinessStatus.Amber => T["At risk"],
        _ => T["Action needed"],
    };

    public static string Colour(this ReadinessStatus status) => status switch
    {
        ReadinessStatus.Green => "success",
        ReadinessStatus.Amber => "warning",
        _ => "danger",
    };

    public static string Icon(this ReadinessStatus status) => status switch
    {
        ReadinessStatus.Green => "check-circle-fill",
        ReadinessStatus.Amber => "exclamation-circle-fill",
        _ => "x-octagon-fill",
    };

    public static string Reason(this IStringLocalizer T, ReadinessReason reason) => reason.Gap switch
    {
        ReadinessGap.ConfirmationsOverdue => T["Confirmations overdue"],
        ReadinessGap.NotEnoughAssigned => T["{0} of {1} assigned", reason.Count, reason.Of],
        ReadinessGap.NotEnoughConfirmed => T["{0} of {1} confirmed", reason.Count, reason.Of],
        ReadinessGap.ConfirmedNotTrained => reason.Count == 1 ? T["1 confirmed agent not trained"] : T["{0} confirmed agents not trained", reason.Count],
        ReadinessGap.NotEnoughTrained => T["{0} of {1} confirmed and trained", reason.Count, reason.Of],
        _ => T["{0}% likely to reach {1}", reason.Count, reason.Of],
    };

    /// <summary>A probability as a whole percentage, rounded down so a shift short of a threshold never reads as reaching it.</summary>
    public static string Percent(double probability) =>
        ((int)Math.Floor(probability * 100 + 1e-9)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
}
