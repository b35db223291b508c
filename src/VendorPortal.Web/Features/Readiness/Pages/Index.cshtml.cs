using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Shifts.Pages;

namespace VendorPortal.Web.Features.Readiness.Pages;

[Authorize(Policy = nameof(Permission.WatchReadiness))]
public sealed class IndexModel(AppDbContext db, ReadinessList readiness, TimeProvider clock) : PageModel
{
    public const string AllEvents = "all";

    /// <summary>An event id, or "all" for every shift of the next 30 days; by default the next event with shifts.</summary>
    [FromQuery(Name = "event")] public string? Event { get; set; }
    [FromQuery(Name = "status")] public ReadinessStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public ReadinessPage Readiness { get; private set; } = null!;
    public Guid? EventId { get; private set; }
    public IReadOnlyList<FilterOption> Events { get; private set; } = [];
    public string ZoneId { get; private set; } = "";
    public bool IsVendor => db.Scope!.IsVendor;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        ZoneId = await db.Tenants.Where(t => t.Id == db.Scope!.TenantId).Select(t => t.TimeZone).SingleAsync(ct);
        var upcoming = db.Shifts.Where(s => s.Status == ShiftStatus.Scheduled && s.EndsAt >= now);
        EventId = Guid.TryParse(Event, out var chosen) ? chosen
            : string.Equals(Event, AllEvents, StringComparison.OrdinalIgnoreCase) ? null
            : await upcoming.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Select(s => (Guid?)s.EventId).FirstOrDefaultAsync(ct);

        var withShifts = await upcoming.GroupBy(s => s.EventId).Select(g => new { EventId = g.Key, First = g.Min(s => s.StartsAt) }).ToListAsync(ct);
        var ids = withShifts.Select(e => e.EventId).Append(EventId ?? Guid.Empty).ToList();
        var names = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        Events = [.. names.OrderBy(n => withShifts.FirstOrDefault(e => e.EventId == n.Key)?.First ?? DateTimeOffset.MaxValue).ThenBy(n => n.Value)
            .Select(n => new FilterOption(n.Key, n.Value))];

        Readiness = await readiness.PageAsync(new ReadinessFilter(EventId, Status: Status), PortalPageRequest.Of(PageNumber, PageSize), ct);
    }
}
