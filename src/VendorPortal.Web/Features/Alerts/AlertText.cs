
namespace VendorPortal.Web.Features.Alerts;

/// <summary>An alert in the reader's language: its kind and what falls short, from the figures it was raised with.</summary>
public static class AlertText
{
    public static string Label(this IStringLocalizer T, AlertKind kind) => kind switch
    {
        AlertKind.ConfirmationsShort => T["Confirmations short"],
        AlertKind.TrainingShort => T["Training short"],
        AlertKind.ConfirmationsOverdue => T["Confirmations overdue"],
        _ => T["Reserve pool shallow"],
    };

    public static string Summary(this IStringLocalizer T, AlertKind kind, int actual, int needed) => kind switch
    {
        AlertKind.ConfirmationsShort => T["{0} of {1} needed agents confirmed", actual, needed],
        AlertKind.TrainingShort => T["{0} of {1} needed agents confirmed and trained", actual, needed],
        AlertKind.ConfirmationsOverdue => T["Confirm-by time passed with {0} of {1} agents confirmed", actual, needed],
        _ => T["{0} trained reserve agents against a target of {1}", actual, needed],
    };

    public static string Colour(this AlertKind kind) => kind switch
    {
        AlertKind.ConfirmationsOverdue => "danger",
        AlertKind.PoolShallow => "info",
        _ => "warning",
    };

    public static string Icon(this AlertKind kind) => kind switch
    {
        AlertKind.ConfirmationsShort => "person-check",
        AlertKind.TrainingShort => "mortarboard",
        AlertKind.ConfirmationsOverdue => "alarm",
        _ => "bar-chart-line",
    };
}
