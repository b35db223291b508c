using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Vendors;

using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

public sealed record EventOption(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate);

public sealed record VendorOption(Guid Id, string Name);

/// <summary>The request whose gap a backfill asks another vendor to fill.</summary>
public sealed record BackfillOf(Guid RequestId, Guid EventId, string EventName, Guid VendorId, string VendorName, string Skill);

[Authorize(Policy = nameof(Permission.RequestCapacity))]
public sealed class NewRequestModel(
    AppDbContext db, CapacityRequestOperations requests, CapacityRequestReads reads, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : PageModel
{
    [FromQuery(Name = "eventId")] public Guid? EventId { get; set; }
    [FromQuery(Name = "backfillFor")] public Guid? BackfillFor { get; set; }
    [BindProperty, ValidateNever] public RequestForm Input { get; set; } = new();

    public IReadOnlyList<EventOption> Events { get; private set; } = [];
    public IReadOnlyList<VendorOption> Vendors { get; private set; } = [];
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];
    public BackfillOf? Backfill { get; private set; }
    public string ZoneId { get; private set; } = "";
    /// <summary>The one shift row is a suggestion: adding consecutive shifts replaces it unless the planner changed it.</summary>
    public bool Suggested { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var now = TenantTime.ToLocal(clock.GetUtcNow(), zone).DateTime;
        if (BackfillFor is { } original)
        {
            var request = await reads.RequestAsync(original, ct);
            Input = new RequestForm
            {
                EventId = request.EventId, Skill = request.Skill, BackfillForId = request.Id,
                Shifts = await GapsAsync(request, ct),
            };
        }
        else
        {
            Input = new RequestForm { EventId = EventId };
        }
        await LoadAsync(ct);
        var e = Events.FirstOrDefault(x => x.Id == Input.EventId);
        if (Input.Shifts.Count == 0)
        {
            var first = e is null ? now.Date.AddDays(7) : e.StartDate.ToDateTime(TimeOnly.MinValue);
            Input.Shifts.Add(new ShiftRow { StartsAtLocal = first.AddHours(8), EndsAtLocal = first.AddHours(16) });
            Suggested = true;
        }
        Input.RespondByLocal = RespondBy(now, Input.Shifts.Min(s => s.StartsAtLocal) ?? now.AddDays(7));
        Input.Skill ??= Skills.FirstOrDefault()?.Code;
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.ToInput(ModelState, T) is not { } input) return Page();
        try
        {
            var request = await requests.CreateAsync(input, ct);
            var vendor = Vendors.FirstOrDefault(v => v.Id == request.VendorId)?.Name ?? "";
            TempData["Flash"] = T["The request was sent to {0}. Its managers were e-mailed.", vendor].Value;
            return LocalRedirect($"/t/{tenant}/requests/{request.Id}");
        }
        catch (RuleViolation rule)
        {
            Input.Add(ModelState, rule, T);
            return Page();
        }
    }

    /// <summary>The original request's shifts its vendor left short, each asking for what the slot still lacks across vendors.</summary>
    private async Task<List<ShiftRow>> GapsAsync(CapacityRequestResponse request, CancellationToken ct)
    {
        if (request.Status != CapacityRequestStatus.Responded) return [];
        var now = clock.GetUtcNow();
        var slots = (await reads.FillAsync(request.EventId, ct)).Where(s => s.Skill == request.Skill).ToList();
        return [.. request.Shifts
            .Where(s => (s.Committed ?? 0) < s.Headcount && s.StartsAt > now)
            .Select(s => (Shift: s, Gap: slots.FirstOrDefault(x => x.StartsAt == s.StartsAt && x.EndsAt == s.EndsAt)?.Gap ?? 0))
            .Where(x => x.Gap > 0)
            .Select(x => new ShiftRow { StartsAtLocal = x.Shift.StartsAt.DateTime, EndsAtLocal = x.Shift.EndsAt.DateTime, Headcount = x.Gap })];
    }

    /// <summary>Two days to answer at 18:00, but well before the first shift when that is sooner.</summary>
    private static DateTime RespondBy(DateTime now, DateTime firstShift)
    {
        var due = now.Date.AddDays(2).AddHours(18);
        if (due > firstShift.AddHours(-12)) due = firstShift.AddHours(-12);
        var soonest = now.Date.AddHours(now.Hour + 2);
        return due < soonest ? soonest : due;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ZoneId = (await db.TenantZoneAsync(ct)).Id;
        if (Input.BackfillForId is { } original)
        {
            var request = await reads.RequestAsync(original, ct);
            Backfill = new BackfillOf(request.Id, request.EventId, request.EventName, request.VendorId, request.VendorName, request.Skill);
        }
        Events = await db.Events.AsNoTracking()
            .Where(e => e.Status != EventStatus.Closed || e.Id == Input.EventId)
            .OrderBy(e => e.StartDate).ThenBy(e => e.Name)
            .Select(e => new EventOption(e.Id, e.Name, e.StartDate, e.EndDate)).ToListAsync(ct);
        var exclude = Backfill?.VendorId;
        Vendors = await db.Vendors.AsNoTracking()
            .Where(v => v.Status == VendorStatus.Active && v.Id != exclude)
            .OrderBy(v => v.Name).Select(v => new VendorOption(v.Id, v.Name)).ToListAsync(ct);
        Skills = await SkillOption.ListAsync(db, ct);
    }
}
