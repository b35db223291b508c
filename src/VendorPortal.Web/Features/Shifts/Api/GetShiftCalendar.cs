
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class ShiftCalendarRequest
{
    /// <summary>Planners and tenant admins: one vendor's shifts only.</summary>
    [QueryParam] public Guid? VendorId { get; set; }
}

public sealed class GetShiftCalendar(ShiftCalendar calendar) : Endpoint<ShiftCalendarRequest>
{
    public override void Configure()
    {
        Get("shifts/calendar.ics");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadShifts));
        Description(b => b.ClearDefaultProduces(200).Produces(200, typeof(string), "text/calendar"));
        Summary(s =>
        {
            s.Summary = "The shifts as an iCalendar feed (text/calendar): a vendor manager's own vendor's, or for planners every vendor's (?vendorId= for one).";
            s.Description = "From 30 days back to 180 days ahead, times in UTC, one event per shift with a stable UID (<shiftId>@vendorportal) and a summary " +
                "such as \"PRESALES shift · Double 12 (10 agents, 8 confirmed)\" in the caller's language (Accept-Language); cancelled shifts stay in " +
                "with STATUS:CANCELLED as long as past ones do, and SEQUENCE rises each time a shift is moved or cancelled. " +
                "Calendar apps cannot send a bearer token: they subscribe to the member's private address (GET /api/calendar/{token}.ics, made in the " +
                "portal under Shifts → Subscribe); systems call this route with an API key in X-Api-Key.";
        });
    }

    public override async Task HandleAsync(ShiftCalendarRequest req, CancellationToken ct)
    {
        var file = await calendar.ForAsync(req.VendorId, ct);
        await Send.BytesAsync(file.Content, file.FileName, ShiftCalendarFile.ContentType, cancellation: ct);
    }
}
