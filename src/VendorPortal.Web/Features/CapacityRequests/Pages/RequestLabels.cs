
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

/// <summary>Where a vendor's part of a request stands, as the badges show it; a shift agreed outside a request has no status.</summary>
public sealed record RequestState(CapacityRequestStatus? Status, CapacityAnswer? Answer, bool Overdue, bool Late, bool Backfill)
{
    public static RequestState Of(CapacityRequestResponse r) => new(r.Status, r.Answer, r.Overdue, r.RespondedLate, r.BackfillForId is not null);

    public static RequestState Of(FillVendor v) => new(v.Status, v.Answer, v.Overdue, v.Late, v.Backfill);
}

/// <summary>Display names and badge colours for requests and answers, in the current UI language.</summary>
public static class RequestLabels
{
    public static string Status(this IStringLocalizer T, CapacityRequestStatus status) => status switch
    {
        CapacityRequestStatus.Sent => T["Awaiting answer"],
        CapacityRequestStatus.Responded => T["Answered"],
        _ => T["Cancelled"],
    };

    public static string Colour(this CapacityRequestStatus status) => status switch
    {
        CapacityRequestStatus.Sent => "primary",
        CapacityRequestStatus.Responded => "secondary",
        _ => "dark",
    };

    public static string Answer(this IStringLocalizer T, CapacityAnswer answer) => answer switch
    {
        CapacityAnswer.Full => T["Full"],
        CapacityAnswer.Partial => T["Partial"],
        _ => T["Declined"],
    };

    public static string Colour(this CapacityAnswer answer) => answer switch
    {
        CapacityAnswer.Full => "success",
        CapacityAnswer.Partial => "warning",
        _ => "danger",
    };
}
