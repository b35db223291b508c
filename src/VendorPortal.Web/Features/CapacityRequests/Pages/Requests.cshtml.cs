using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

[Authorize(Policy = nameof(Permission.ReadCapacityRequests))]
public sealed class RequestsModel(AppDbContext db, CapacityRequestList list, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "event")] public Guid? EventId { get; set; }
    [FromQuery(Name = "vendor")] public Guid? VendorId { get; set; }
    [FromQuery(Name = "status")] public CapacityRequestStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<CapacityRequestResponse> Requests { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<FilterOption> Events { get; private set; } = [];
    public IReadOnlyList<FilterOption> Vendors { get; private set; } = [];
    public int ToAnswer { get; private set; }
    public string ZoneId { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public bool IsVendor => db.Scope!.IsVendor;
    public bool CanPlan => db.Scope!.May(Permission.RequestCapacity);
    public bool IsFiltered => EventId is not null || VendorId is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ZoneId = (await db.TenantZoneAsync(ct)).Id;
        Now = clock.GetUtcNow();
        Events = await db.Events.AsNoTracking().OrderByDescending(e => e.StartDate).ThenBy(e => e.Name)
            .Select(e => new FilterOption(e.Id, e.Name)).ToListAsync(ct);
        if (!IsVendor) Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new FilterOption(v.Id, v.Name)).ToListAsync(ct);

        // The ones to answer first, soonest due on top; then the rest, most recently answered or cancelled first.
        var filter = new CapacityRequestFilter(EventId, IsVendor ? null : VendorId, Status, Inbox: true);
        ToAnswer = await list.OpenCountAsync(filter, ct);
        Requests = await list.PageAsync(filter, PortalPageRequest.Of(PageNumber, PageSize), ct);
    }
}
