using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Shifts.Pages;

[Authorize(Policy = nameof(Permission.ReadShifts))]
public sealed class ShiftsModel(AppDbContext db, ShiftList list, ShiftCalendar calendar, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "event")] public Guid? EventId { get; set; }
    [FromQuery(Name = "skill")] public string? Skill { get; set; }
    [FromQuery(Name = "vendor")] public Guid? VendorId { get; set; }
    /// <summary>Also list shifts that are over or cancelled, newest first: attendance is recorded after the start.</summary>
    [FromQuery(Name = "history")] public bool History { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<ShiftResponse> Shifts { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<FilterOption> Events { get; private set; } = [];
    public IReadOnlyList<FilterOption> Vendors { get; private set; } = [];
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];
    public string ZoneId { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public bool IsVendor => db.Scope!.IsVendor;
    public bool IsFiltered => EventId is not null || VendorId is not null || !string.IsNullOrWhiteSpace(Skill);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ZoneId = (await db.TenantZoneAsync(ct)).Id;
        Now = clock.GetUtcNow();
        Events = await db.Events.AsNoTracking().OrderByDescending(e => e.StartDate).ThenBy(e => e.Name)
            .Select(e => new FilterOption(e.Id, e.Name)).ToListAsync(ct);
        Skills = await SkillOption.ListAsync(db, ct);
        if (!IsVendor) Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new FilterOption(v.Id, v.Name)).ToListAsync(ct);

        // The history also lists shifts that are over or cancelled, newest first.
        var filter = new ShiftFilter(EventId, IsVendor ? null : VendorId, Skill,
            From: History ? null : Now, IncludeCancelled: History, NewestFirst: History);
        Shifts = await list.PageAsync(filter, PortalPageRequest.Of(PageNumber, PageSize), ct);
    }

    public async Task<IActionResult> OnPostCalendarLinkAsync(string tenant, CancellationToken ct)
    {
        var token = await calendar.NewLinkAsync(ct);
        TempData["CalendarUrl"] = $"{Request.Scheme}://{Request.Host}/api/calendar/{token}.ics";
        return LocalRedirect($"/t/{tenant}/shifts");
    }

    /// <summary>The same shifts as the API's iCalendar feed, for importing into a calendar app.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken ct)
    {
        var file = await calendar.ForAsync(IsVendor ? null : VendorId, ct);
        return File(file.Content, ShiftCalendarFile.ContentType, file.FileName);
    }
}
