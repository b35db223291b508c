using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Events.Pages;

public sealed record ChartSeries(string Skill, string Color, string Points, int Peak);

/// <summary>Scheduled agents per interval on the peak day, one line per skill, drawn as inline SVG.</summary>
public sealed record StaffingChart(DateOnly Day, int Max, IReadOnlyList<ChartSeries> Series, IReadOnlyList<(double X, string Label)> XTicks, IReadOnlyList<(double Y, int Value)> YTicks)
{
    public const double Width = 760, Height = 280, Left = 44, Right = 12, Top = 12, Bottom = 28;
    private static readonly string[] Colors = ["#0d6efd", "#d63384", "#198754", "#fd7e14", "#6f42c1", "#20c997"];

    public static StaffingChart? Of(EventStaffing staffing)
    {
        if (staffing.Days.Count == 0) return null;
        var day = staffing.Days.GroupBy(d => d.Date).MaxBy(g => g.Sum(d => d.PeakScheduledAgents))!.Key;
        var slots = 24 * 60 / staffing.IntervalMinutes;
        var onDay = staffing.Intervals.Where(i => i.Date == day).ToList();
        var max = Math.Max(1, onDay.Count == 0 ? 1 : onDay.Max(i => i.ScheduledAgents));
        var step = NiceStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        double X(int slot) => Left + (Width - Left - Right) * slot / Math.Max(1, slots - 1);
        double Y(int value) => Top + (Height - Top - Bottom) * (1 - value / (double)top);
        var series = onDay.GroupBy(i => i.Skill).OrderBy(g => g.Key, StringComparer.Ordinal).Select((g, k) => new ChartSeries(
            g.Key, Colors[k % Colors.Length],
            string.Join(" ", g.OrderBy(i => i.Start).Select(i =>
            {
                var slot = (int)(TimeOnly.FromDateTime(i.Start.DateTime).ToTimeSpan().TotalMinutes / staffing.IntervalMinutes);
                return string.Create(CultureInfo.InvariantCulture, $"{X(slot):0.#},{Y(i.ScheduledAgents):0.#}");
            })),
            g.Max(i => i.ScheduledAgents))).ToList();
        var xTicks = Enumerable.Range(0, 9).Select(h => (X(h * 3 * 60 / staffing.IntervalMinutes), $"{h * 3:00}:00")).Where(t => t.Item1 <= Width).ToList();
        var yTicks = Enumerable.Range(0, top / step + 1).Select(k => (Y(k * step), k * step)).ToList();
        return new StaffingChart(day, max, series, xTicks, yTicks);
    }

    private static int NiceStep(int max)
    {
        foreach (var s in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000 })
            if (max / s <= 6) return s;
        return 10_000;
    }
}

public sealed class DetailsModel(AppDbContext db, EventOperations events, ForecastImport import, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, ValidateNever] public EventInput Input { get; set; } = new();

    public EventResponse Event { get; private set; } = null!;
    public EventStaffing Staffing { get; private set; } = null!;
    public StaffingChart? Chart { get; private set; }
    public IReadOnlyList<ForecastProblem> ForecastErrors { get; private set; } = [];
    public bool CanPlan => db.Scope!.Role is TenantRole.Planner or TenantRole.TenantAdmin;
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
                ModelState.Add(rule, nameof(Input), T);
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
            ForecastErrors = [new ForecastProblem("", T["Choose a CSV file to upload."])];
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await import.RunAsync(eventId, stream, ct);
            if (result.Stored)
            {
                TempData["Flash"] = T["The forecast was replaced: {0} intervals.", result.Rows].Value;
                return LocalRedirect($"/t/{tenant}/events/{eventId}");
            }
            ForecastErrors = result.Errors;
        }
        await OnGetAsync(eventId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid eventId, CancellationToken ct)
    {
        Event = await events.ResponseAsync(eventId, ct);
        Staffing = await events.StaffingAsync(eventId, ct);
        Chart = StaffingChart.Of(Staffing);
    }
}
