using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.Events.Pages;

public sealed class DetailsModel(AppDbContext db, EventOperations events, ForecastImport import, CapacityRequestReads reads, IStringLocalizer<SharedResource> T)
    : PageModel
{
    [BindProperty, ValidateNever] public EventInput Input { get; set; } = new();
    /// <summary>The day the charts show; the day needing the most agents when absent.</summary>
    [FromQuery(Name = "day")] public DateOnly? Day { get; set; }

    public EventResponse Event { get; private set; } = null!;
    public EventStaffing Staffing { get; private set; } = null!;
    public CoverageChart? Chart { get; private set; }
    /// <summary>Per skill and day, the most scheduled agents any interval still lacks confirmations for.</summary>
    public IReadOnlyDictionary<(string Skill, DateOnly Date), int> LargestGaps { get; private set; } = new Dictionary<(string, DateOnly), int>();
    public IReadOnlyList<CapacityRequestResponse> Requests { get; private set; } = [];
    public IReadOnlyList<(string Where, string Reason)> ForecastErrors { get; private set; } = [];
    public bool CanPlan => db.Scope!.May(Permission.PlanEvents);
    /// <summary>Planners see every vendor's requests; a vendor manager sees their own (the query filter sees to that).</summary>
    public bool SeesRequests => db.Scope!.May(Permission.ReadCapacityRequests);
    public bool IsVendor => db.Scope!.Role == TenantRole.VendorManager;
    public bool ShowEdit { get; private set; }

    public async Task OnGetAsync(Guid eventId, CancellationToken ct)
    {
        await LoadAsync(eventId, ct);
        Input = new EventInput
        {
            Name = Event.Name, StartDate = Event.StartDate, EndDate = Event.EndDate, Description = Event.Description, Status = Event.Status,
            IntervalMinutes = Event.IntervalMinutes, ServiceLevel = Event.ServiceLevel, TargetSeconds = Event.TargetSeconds,
            Shrinkage = Event.Shrinkage, MaxOccupancy = Event.MaxOccupancy,
        };
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

    private async Task LoadAsync(Guid eventId, CancellationToken ct)
    {
        Event = await events.ResponseAsync(eventId, ct);
        Staffing = await events.StaffingAsync(eventId, ct);
        Chart = CoverageChart.Of(Staffing, Day);
        LargestGaps = Staffing.Intervals.GroupBy(i => (i.Skill, i.Date))
            .ToDictionary(g => g.Key, g => g.Max(i => Math.Max(0, i.ScheduledAgents - i.ConfirmedAgents)));
        if (SeesRequests)
            Requests = await reads.RequestsAsync(db.CapacityRequests.Where(r => r.EventId == eventId)
                .OrderBy(r => r.Status == CapacityRequestStatus.Cancelled ? 1 : 0).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id), ct);
    }
}
