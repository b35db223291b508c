using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.Events.Pages;

public sealed class DetailsModel(
    AppDbContext db, EventOperations events, ForecastImport import, InHouseSchedule inHouse, InHouseImport inHouseImport, CapacityRequestReads reads,
    IStringLocalizer<SharedResource> T)
    : PageModel
{
    [BindProperty, ValidateNever] public EventInput Input { get; set; } = new();
    /// <summary>The in-house card's weekly pattern (skill by code).</summary>
    [BindProperty, ValidateNever] public InHousePatternInput Pattern { get; set; } = new() { Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], From = "09:00", To = "18:00" };
    /// <summary>The day the charts show; the day needing the most agents when absent.</summary>
    [FromQuery(Name = "day")] public DateOnly? Day { get; set; }

    public EventResponse Event { get; private set; } = null!;
    public EventStaffing Staffing { get; private set; } = null!;
    public CoverageChart? Chart { get; private set; }
    /// <summary>Per skill and day, the most agents of the gap (scheduled minus in-house) any interval still lacks vendor confirmations for.</summary>
    public IReadOnlyDictionary<(string Skill, DateOnly Date), int> LargestGaps { get; private set; } = new Dictionary<(string, DateOnly), int>();
    public IReadOnlyList<CapacityRequestResponse> Requests { get; private set; } = [];
    public IReadOnlyList<(string Where, string Reason)> ForecastErrors { get; private set; } = [];
    public IReadOnlyList<(string Where, string Reason)> InHouseErrors { get; private set; } = [];
    /// <summary>The in-house schedule per skill and day (planners only).</summary>
    public IReadOnlyList<InHouseDay> InHouseDays { get; private set; } = [];
    public IReadOnlyList<SkillOption> SkillOptions { get; private set; } = [];
    public bool ShowPattern { get; private set; }
    public bool CanPlan => db.Scope!.May(Permission.PlanEvents);
    /// <summary>The in-house team is the center's own staffing: planners and admins only, and to a vendor it does not exist.</summary>
    public bool CanPlanSurge => db.Scope!.May(Permission.PlanSurge);
    /// <summary>Planners see every vendor's requests; a vendor manager sees their own (the query filter sees to that).</summary>
    public bool SeesRequests => db.Scope!.May(Permission.ReadCapacityRequests);
    public bool IsVendor => db.Scope!.Role == TenantRole.VendorManager;
    public bool ShowEdit { get; private set; }

    public async Task OnGetAsync(Guid eventId, CancellationToken ct)
    {
        await LoadAsync(eventId, ct);
        Input = EventInput.From(Event);
    }

    public async Task<IActionResult> OnPostUpdateAsync(string tenant, Guid eventId, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        ShowEdit = true;
        if (ModelState.Validate(new EventInputValidator(), Input, nameof(Input), T))
        {
            try
            {
                await events.UpdateAsync(eventId, Input, ct);
                TempData["Flash"] = T["The event was saved."].Value;
                return LocalRedirect($"/t/{tenant}/events/{eventId}");
            }
            catch (RuleViolation rule)
            {
                ModelState.Add(rule, nameof(Input));
            }
        }
        await LoadAsync(eventId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostForecastAsync(string tenant, Guid eventId, IFormFile? file, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        await events.LoadAsync(eventId, ct);
        if (file is null || file.Length == 0)
            ForecastErrors = [("", T["Choose a CSV file to upload."])];
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await import.RunAsync(eventId, stream, ct);
            if (result.Stored)
            {
                TempData["Flash"] = T["The forecast was replaced: {0} intervals.", result.Rows].Value;
                return LocalRedirect($"/t/{tenant}/events/{eventId}");
            }
            ForecastErrors = [.. result.Errors.Select(e => (e.Where, e.Reason))];
        }
        await OnGetAsync(eventId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInHousePatternAsync(string tenant, Guid eventId, CancellationToken ct)
    {
        if (!CanPlanSurge) return HiddenOrForbidden();
        await events.LoadAsync(eventId, ct);
        ShowPattern = true;
        try
        {
            // A number the form could not read is not silently taken as 0 agents.
            if (ModelState.GetFieldValidationState($"{nameof(Pattern)}.{nameof(Pattern.Agents)}") == ModelValidationState.Invalid)
                throw new RuleViolation("agents", EventRules.InHouseAgentsRange(InHouseSchedule.MaxAgents));
            var set = await inHouse.ApplyPatternAsync(eventId, Pattern, ct);
            TempData["Flash"] = T["The pattern was applied: {0} intervals set.", set].Value;
            return LocalRedirect($"/t/{tenant}/events/{eventId}#in-house-card");
        }
        catch (RuleViolation rule)
        {
            ModelState.Remove($"{nameof(Pattern)}.{nameof(Pattern.Agents)}");
            if (rule.Rows.Count == 0) ModelState.Add(rule, nameof(Pattern));
            else
                foreach (var (field, error) in rule.Rows)
                    ModelState.AddModelError(PatternKey(field), error.Text());
        }
        var kept = Pattern;
        await OnGetAsync(eventId, ct);
        Pattern = kept;
        return Page();
    }

    public async Task<IActionResult> OnPostInHouseAsync(string tenant, Guid eventId, IFormFile? file, CancellationToken ct)
    {
        if (!CanPlanSurge) return HiddenOrForbidden();
        await events.LoadAsync(eventId, ct);
        if (file is null || file.Length == 0)
            InHouseErrors = [("", T["Choose a CSV file to upload."])];
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await inHouseImport.RunAsync(eventId, stream, ct);
            if (result.Stored)
            {
                TempData["Flash"] = T["The in-house schedule was replaced: {0} intervals.", result.Intervals].Value;
                return LocalRedirect($"/t/{tenant}/events/{eventId}#in-house-card");
            }
            InHouseErrors = [.. result.Errors.Select(e => (e.Where, e.Reason))];
        }
        await OnGetAsync(eventId, ct);
        return Page();
    }

    /// <summary>A vendor manager is told the handler does not exist; another role without the permission is refused.</summary>
    private IActionResult HiddenOrForbidden() => IsVendor ? throw new NotFound(Thing.Event) : Forbid();

    /// <summary>"days[2]" → "Pattern.Days", "from" → "Pattern.From".</summary>
    private static string PatternKey(string field)
    {
        var name = field.Split('[')[0];
        return $"{nameof(Pattern)}.{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    private async Task LoadAsync(Guid eventId, CancellationToken ct)
    {
        Event = await events.ResponseAsync(eventId, ct);
        Staffing = await events.StaffingAsync(eventId, ct);
        Chart = CoverageChart.Of(Staffing, Day);
        LargestGaps = Staffing.Intervals.GroupBy(i => (i.Skill, i.Date))
            .ToDictionary(g => g.Key, g => g.Max(i => Math.Max(0, i.GapAgents - i.ConfirmedAgents)));
        if (CanPlanSurge)
        {
            InHouseDays = await inHouse.DaysAsync(eventId, ct);
            SkillOptions = await SkillOption.ListAsync(db, ct);
        }
        if (SeesRequests)
            Requests = await reads.RequestsAsync(db.CapacityRequests.Where(r => r.EventId == eventId)
                .OrderBy(r => r.Status == CapacityRequestStatus.Cancelled ? 1 : 0).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id), ct);
    }
}
