
namespace VendorPortal.Web.Features.Events.Pages;

public static class EventLabels
{
    public static string Status(this IStringLocalizer T, EventStatus status) => status switch
    {
        EventStatus.Planning => T["Planning"],
        EventStatus.Confirmed => T["Confirmed"],
        EventStatus.Live => T["Live"],
        EventStatus.Closed => T["Closed"],
        _ => status.ToString(),
    };

    public static string Badge(EventStatus status) => status switch
    {
        EventStatus.Planning => "text-bg-secondary",
        EventStatus.Confirmed => "text-bg-primary",
        EventStatus.Live => "text-bg-success",
        _ => "text-bg-light",
    };
}
