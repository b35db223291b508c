using Microsoft.AspNetCore.Mvc;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.Planning.Pages;

/// <summary>One vendor's part of the plan on the page: its shifts, with the shift each allocation belongs to.</summary>
public sealed record VendorPlan(PlanVendor Vendor, IReadOnlyList<(PlanShift Shift, PlanAllocation Part)> Shifts);

/// <summary>
/// "Suggest a plan": the options, the gap with the planned coverage over it, the shifts per vendor, cost and shortfalls, and one
/// button that sends the plan as capacity requests. The plan is computed again on send (the same input gives the same plan).
/// </summary>
[Authorize(Policy = nameof(Permission.PlanSurge))]
public sealed class PlanModel(AppDbContext db, EventOperations events, PlanOperations plans, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : PageModel
{
    /// <summary>Allowed shift lengths in hours, e.g. "4, 6, 8".</summary>
    [BindProperty(SupportsGet = true, Name = "lengths")] public string? Lengths { get; set; }
    [BindProperty(SupportsGet = true, Name = "step")] public int? Step { get; set; }
    [BindProperty(SupportsGet = true, Name = "probability")] public double? Probability { get; set; }
    [BindProperty(SupportsGet = true, Name = "vendors")] public List<Guid> VendorIds { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "day")] public DateOnly? Day { get; set; }
    [BindProperty(Name = "respondByLocal")] public DateTime? RespondByLocal { get; set; }
    [BindProperty(Name = "message")] public string? Message { get; set; }

    public EventResponse Event { get; private set; } = null!;
    public PlanResponse? Plan { get; private set; }
    public PlanChart? Chart { get; private set; }
    public IReadOnlyList<VendorPlan> ByVendor { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> ActiveVendors { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public int RequestCount => Plan?.Shifts.Sum(s => s.Allocations.Count) ?? 0;

    public async Task OnGetAsync(Guid eventId, CancellationToken ct)
    {
        await LoadAsync(eventId, ct);
        if (Plan is { } plan)
        {
            var zone = await db.TenantZoneAsync(ct);
            var now = TenantTime.ToLocal(clock.GetUtcNow(), zone).DateTime;
            var first = plan.Shifts.Select(s => (DateTime?)s.Date.ToDateTime(TimeOnly.Parse(s.Start, CultureInfo.InvariantCulture))).Min();
            var due = now.AddHours(48);
            if (first is { } start && start.AddHours(-1) < due) due = start.AddHours(-1);
            RespondByLocal ??= new DateTime(due.Year, due.Month, due.Day, due.Hour, 0, 0, DateTimeKind.Unspecified);
        }
    }

    public async Task<IActionResult> OnPostSendAsync(string tenant, Guid eventId, CancellationToken ct)
    {
        await LoadAsync(eventId, ct);
        if (Plan is not { } plan) return Page();
        var input = new SendPlanInput
        {
            RespondByLocal = RespondByLocal, Message = Message,
            Shifts = [.. plan.Shifts.Where(s => s.Allocations.Count > 0).Select(s => new SendShiftInput
            {
                SkillId = s.SkillId, Date = s.Date, Start = s.Start, End = s.End,
                Allocations = [.. s.Allocations.Select(a => new SendAllocationInput { VendorId = a.VendorId, Requested = a.Requested })],
            })],
        };
        try
        {
            var ids = await plans.SendAsync(eventId, input, ct);
            TempData["Flash"] = T["The plan was sent: {0} capacity requests. The vendors' managers were e-mailed.", ids.Count].Value;
            return LocalRedirect($"/t/{tenant}/events/{eventId}");
        }
        catch (RuleViolation rule)
        {
            Errors = [.. (rule.Rows.Count > 0 ? rule.Rows : [(rule.Field, rule.Error)]).Select(r => $"{r.Field}: {r.Error.Text()}").Distinct()];
            return Page();
        }
    }

    /// <summary>The page's address with the current options and another day.</summary>
    public string DayLink(DateOnly day)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Lengths)) query.Add("lengths=" + Uri.EscapeDataString(Lengths));
        if (Step is { } step) query.Add(string.Create(CultureInfo.InvariantCulture, $"step={step}"));
        if (Probability is { } p) query.Add(string.Create(CultureInfo.InvariantCulture, $"probability={p}"));
        query.AddRange(VendorIds.Select(v => $"vendors={v}"));
        query.Add("day=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return "?" + string.Join("&", query) + "#plan-chart-card";
    }

    private async Task LoadAsync(Guid eventId, CancellationToken ct)
    {
        Event = await events.ResponseAsync(eventId, ct);
        ActiveVendors = [.. (await db.Vendors.AsNoTracking().Where(v => v.Status == VendorStatus.Active).Select(v => new { v.Id, v.Name }).ToListAsync(ct))
            .OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => (v.Id, v.Name))];
        var errors = new List<string>();
        var input = new PlanInput
        {
            StartStepMinutes = Step, TargetShowProbability = Probability, VendorIds = VendorIds.Count == 0 ? null : VendorIds,
        };
        if (!string.IsNullOrWhiteSpace(Lengths))
        {
            var parts = Lengths.Split([',', ' ', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var values = new List<double>();
            foreach (var part in parts)
                if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours)) values.Add(hours);
                else errors.Add(T["Shift lengths: '{0}' is not a number of hours.", part]);
            input.ShiftLengthsHours = values;
        }
        foreach (var failure in new PlanInputValidator().Validate(input).Errors)
            errors.Add(T[failure.ErrorMessage]);
        if (errors.Count == 0)
        {
            try
            {
                Plan = await plans.SuggestAsync(eventId, input, ct);
                Chart = PlanChart.Of(Plan, Day);
                ByVendor = [.. Plan.Vendors.Where(v => v.Shifts > 0).Select(v => new VendorPlan(v,
                    [.. Plan.Shifts.SelectMany(s => s.Allocations.Where(a => a.VendorId == v.VendorId).Select(a => (s, a)))]))];
            }
            catch (RuleViolation rule)
            {
                errors.AddRange((rule.Rows.Count > 0 ? rule.Rows : [(rule.Field, rule.Error)]).Select(r => r.Error.Text()));
            }
        }
        Errors = errors;
    }
}
