using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Shifts.Pages;

/// <summary>Where a vendor's part of a request stands, as the planner's pages show it in badges.</summary>
public sealed record RequestState(CapacityRequestStatus? Status, CapacityAnswer? Answer, bool Overdue, bool Late, bool Backfill)
{
    public static RequestState Of(CapacityRequestResponse r) => new(r.Status, r.Answer, r.Overdue, r.RespondedLate, r.BackfillForId is not null);

    public static RequestState Of(FillVendor v) => new(v.Status, v.Answer, v.Overdue, v.Late, v.Backfill);
}

public static class CapacityBadges
{
    /// <summary>The request's status, or the vendor's answer once it came; a shift agreed outside a request has neither.</summary>
    public static (string Text, string Css) Badge(this IStringLocalizer T, RequestState s) => (s.Status, s.Answer) switch
    {
        (CapacityRequestStatus.Sent, _) => (T["Awaiting answer"], "text-bg-primary"),
        (CapacityRequestStatus.Cancelled, _) => (T["Cancelled"], "text-bg-dark"),
        (CapacityRequestStatus.Responded, CapacityAnswer.Full) => (T["Full"], "text-bg-success"),
        (CapacityRequestStatus.Responded, CapacityAnswer.Partial) => (T["Partial"], "text-bg-warning"),
        (CapacityRequestStatus.Responded, CapacityAnswer.Declined) => (T["Declined"], "text-bg-danger"),
        (null, _) => (T["Agreed directly"], "text-bg-light border"),
        _ => (s.Status.ToString()!, "text-bg-light border"),
    };
}
