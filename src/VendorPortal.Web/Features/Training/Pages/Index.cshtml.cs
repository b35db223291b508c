using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace VendorPortal.Web.Features.Training.Pages;

public sealed record CalendarDay(DateOnly Date, bool IsToday, bool IsPast, IReadOnlyList<TrainingSessionResponse> Sessions);

public sealed class IndexModel(AppDbContext db, TrainingSessionList list, TrainingReads reads, TimeProvider clock) : PageModel
{
    public const int CalendarWeeks = 5;

    /// <summary>Also list sessions that are over or cancelled, newest first.</summary>
    [FromQuery(Name = "history")] public bool History { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<TrainingSessionResponse> Sessions { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks { get; private set; } = [];
    public string ZoneId { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public bool CanSchedule => db.Scope!.May(Permission.ScheduleTraining);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        ZoneId = zone.Id;
        Now = clock.GetUtcNow();

        Sessions = await list.PageAsync(new TrainingSessionFilter(From: History ? null : Now, IncludeCancelled: History, NewestFirst: History),
            PortalPageRequest.Of(PageNumber, PageSize), ct);

        Weeks = await CalendarAsync(zone, ct);
    }

    /// <summary>The weeks from this Monday on, in the tenant's time zone, with each session on the day it starts.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<CalendarDay>>> CalendarAsync(TimeZoneInfo zone, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(Now, zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        // A day either side covers any zone's offset; sessions are then placed by their local date.
        var from = Now.AddDays(-8);
        var to = Now.AddDays(CalendarWeeks * 7 + 1);
        var query = db.TrainingSessions.Where(s => s.StartsAt >= from && s.StartsAt < to);
        if (!History) query = query.Where(s => s.Status == TrainingSessionStatus.Scheduled);
        var byDay = (await reads.SessionsAsync(query.OrderBy(s => s.StartsAt), ct))
            .ToLookup(s => DateOnly.FromDateTime(s.StartsAt.DateTime));
        return [.. Enumerable.Range(0, CalendarWeeks).Select(w => (IReadOnlyList<CalendarDay>)[.. Enumerable.Range(0, 7).Select(d =>
        {
            var date = monday.AddDays(w * 7 + d);
            return new CalendarDay(date, date == today, date < today, [.. byDay[date]]);
        })])];
    }
}
