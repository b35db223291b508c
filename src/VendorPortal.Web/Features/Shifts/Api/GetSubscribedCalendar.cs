
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class SubscribedCalendarRequest
{
    public string Token { get; set; } = "";
}

/// <summary>
/// The shift feed at a member's private address, for calendar apps that subscribe and cannot sign in. The address
/// reads exactly what its owner's membership may read, and stops working when revoked or the membership ends.
/// </summary>
public sealed class GetSubscribedCalendar(AppDbContext db, ShiftCalendar calendar, TimeProvider clock)
    : Endpoint<SubscribedCalendarRequest>
{
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(10);

    public override void Configure()
    {
        Get("calendar/{token}.ics");
        AllowAnonymous();
        Description(b => b.ClearDefaultProduces(200).Produces(200, typeof(string), "text/calendar"));
        Summary(s =>
        {
            s.Summary = "A member's shift feed at their private subscription address (made in the portal: Shifts → Subscribe); 404 once revoked.";
            s.Description = "The same iCalendar feed as GET /api/t/{tenant}/shifts/calendar.ics, for calendar apps that cannot send credentials; " +
                "summaries and descriptions are in the language the address's owner saved.";
        });
    }

    public override async Task HandleAsync(SubscribedCalendarRequest req, CancellationToken ct)
    {
        if (await Tenancy.EnterCalendarLinkAsync(HttpContext, req.Token, ct) is not { } link)
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var now = clock.GetUtcNow();
        if (link.LastUsedAt is null || now - link.LastUsedAt > LastUsedPrecision)
            await db.CalendarLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LastUsedAt, now), ct);
        // A calendar app sends no language of its own: the feed speaks the language its owner saved.
        var language = await db.Users.Where(u => u.Id == link.UserId).Select(u => u.Language).SingleAsync(ct);
        using var _ = new UiCulture(language);
        var file = await calendar.ForAsync(null, ct);
        await Send.BytesAsync(file.Content, file.FileName, ShiftCalendarFile.ContentType, cancellation: ct);
    }
}
