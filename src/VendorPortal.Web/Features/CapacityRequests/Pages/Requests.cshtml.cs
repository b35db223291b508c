using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorPortal.Web.Features.Identity;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

[Authorize(Policy = nameof(Permission.ReadCapacityRequests))]
public sealed class RequestsModel(AppDbContext db, CapacityRequestReads reads, TimeProvider clock) : PageModel
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

        var query = db.CapacityRequests.AsQueryable();
        if (EventId is { } eventId) query = query.Where(r => r.EventId == eventId);
        if (VendorId is { } vendorId && !IsVendor) query = query.Where(r => r.VendorId == vendorId);
        if (Status is { } status) query = query.Where(r => r.Status == status);

        // The ones to answer first, soonest due on top; then the rest, most recently answered or cancelled first.
        var open = query.Where(r => r.Status == CapacityRequestStatus.Sent).OrderBy(r => r.RespondBy).ThenBy(r => r.Id);
        var closed = query.Where(r => r.Status != CapacityRequestStatus.Sent).OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id);
        var request = PortalPageRequest.Of(PageNumber, PageSize);
        ToAnswer = await open.CountAsync(ct);
        var total = ToAnswer + await closed.CountAsync(ct);
        var skip = (request.Page - 1) * request.PageSize;
        var items = await reads.RequestsAsync(open.Skip(skip).Take(request.PageSize), ct);
        if (items.Count < request.PageSize)
            items.AddRange(await reads.RequestsAsync(closed.Skip(Math.Max(0, skip - ToAnswer)).Take(request.PageSize - items.Count), ct));
        Requests = new Paged<CapacityRequestResponse>(items, request.Page, request.PageSize, total);
    }
}
