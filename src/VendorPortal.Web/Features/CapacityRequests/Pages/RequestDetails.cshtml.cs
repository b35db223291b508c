
using Microsoft.AspNetCore.Mvc;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Shifts.Pages;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

public sealed class AnswerRow
{
    public Guid RequestedShiftId { get; set; }
    /// <summary>Left empty, it commits none, as a shift left out of the answer does.</summary>
    public int? Committed { get; set; }
}

[Authorize(Policy = nameof(Permission.ReadCapacityRequests))]
public sealed class RequestDetailsModel(
    AppDbContext db, CapacityRequestReads reads, CapacityRequestOperations requests, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public List<AnswerRow> Answers { get; set; } = [];
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? CancelReason { get; set; }

    public CapacityRequestResponse Capacity { get; private set; } = null!;
    public string ZoneId { get; private set; } = "";
    public string? AnswerError { get; private set; }
    public string? CancelError { get; private set; }

    public bool IsVendor => db.Scope!.IsVendor;
    public bool CanPlan => db.Scope!.May(Permission.RequestCapacity);
    public bool CanAnswer => db.Scope!.May(Permission.AnswerCapacityRequests) && Capacity.Status == CapacityRequestStatus.Sent;
    public bool CanCancel => CanPlan && Capacity.Status != CapacityRequestStatus.Cancelled;
    /// <summary>The answer left agents unasked-for: the planner can turn to another vendor for the rest.</summary>
    public bool LeftAGap => CanPlan && Capacity.Status == CapacityRequestStatus.Responded && Capacity.Answer is CapacityAnswer.Partial or CapacityAnswer.Declined;

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        Answers = [.. Capacity.Shifts.Select(s => new AnswerRow { RequestedShiftId = s.Id, Committed = s.Headcount })];
        return Page();
    }

    public async Task<IActionResult> OnPostRespondAsync(string tenant, Guid requestId, CancellationToken ct)
    {
        if (!db.Scope!.May(Permission.AnswerCapacityRequests)) return Forbid();
        if (!await LoadAsync(requestId, ct)) return NotFound();
        var input = new CapacityResponseInput
        {
            Shifts = [.. Answers.Select(a => new ShiftAnswerInput { RequestedShiftId = a.RequestedShiftId, Committed = a.Committed ?? 0 })],
            Message = Message,
        };
        if (!ModelState.IsValid || !ModelState.Validate(new CapacityResponseInputValidator(), input, "", T, AnswerKey))
        {
            AnswerError = T["Some rows need a fix; nothing was changed."];
            return Page();
        }
        try
        {
            await requests.RespondAsync(requestId, input, ct);
        }
        catch (RuleViolation rule)
        {
            foreach (var (field, error) in rule.Rows) ModelState.AddModelError(AnswerKey(field), error.Text());
            if (rule.Rows.Count == 0 && rule.Field == "message") ModelState.AddModelError(nameof(Message), rule.Error.Text());
            AnswerError = rule.Error.Text();
            return Page();
        }
        var committed = input.Shifts.Sum(s => s.Committed);
        TempData["Flash"] = committed == 0
            ? T["You declined the request; the planner is told why."].Value
            : T["Your answer was sent: {0} of {1} agents committed. Assign agents to the new shifts next.", committed, Capacity.Requested].Value;
        return LocalRedirect($"/t/{tenant}/requests/{requestId}");
    }

    public async Task<IActionResult> OnPostCancelAsync(string tenant, Guid requestId, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (!await LoadAsync(requestId, ct)) return NotFound();
        var input = new CancelInput { Reason = CancelReason?.Trim() ?? "" };
        if (!ModelState.Validate(new CancelInputValidator(), input, "", T, _ => nameof(CancelReason)))
        {
            CancelError = ModelState[nameof(CancelReason)]!.Errors[0].ErrorMessage;
            return Page();
        }
        await requests.CancelAsync(requestId, input.Reason, ct);
        TempData["Flash"] = T["The request was withdrawn. The vendor is told, and shifts committed under it that have not started are cancelled."].Value;
        return LocalRedirect($"/t/{tenant}/requests/{requestId}");
    }

    /// <summary>The committed number a row shows: what was just posted when the answer comes back refused, otherwise the headcount.</summary>
    public int? CommittedShown(int index, RequestedShiftResponse shift) =>
        index < Answers.Count && Answers[index].RequestedShiftId == shift.Id ? Answers[index].Committed : shift.Headcount;

    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>"shifts[2].committed" from the operation or its validator is the third row of the form.</summary>
    private static string AnswerKey(string field)
    {
        if (RuleViolation.RowOf(field) is { } row) return $"{nameof(Answers)}[{row}].{nameof(AnswerRow.Committed)}";
        return field.Equals("message", StringComparison.OrdinalIgnoreCase) ? nameof(Message) : "";
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Capacity = await reads.RequestAsync(id, ct);
        }
        catch (NotFound)
        {
            return false;
        }
        ZoneId = (await db.TenantZoneAsync(ct)).Id;
        return true;
    }
}
