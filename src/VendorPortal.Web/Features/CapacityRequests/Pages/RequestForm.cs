using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Shifts.Pages;

namespace VendorPortal.Web.Features.CapacityRequests.Pages;

/// <summary>One row of the shift plan as typed, in the tenant's local time.</summary>
public sealed class ShiftRow
{
    public DateTime? StartsAtLocal { get; set; }
    public DateTime? EndsAtLocal { get; set; }
    public int? Headcount { get; set; }

    public bool IsBlank => StartsAtLocal is null && EndsAtLocal is null && Headcount is null;
}

/// <summary>
/// The capacity request form as people fill it in. Everything is nullable so that only the operation's validator speaks
/// about empty fields; wholly empty shift rows are left out, and errors still land on the row the planner typed.
/// </summary>
public sealed partial class RequestForm
{
    public const string Prefix = "Input";

    public Guid? EventId { get; set; }
    public Guid? VendorId { get; set; }
    public string? Skill { get; set; }
    public DateTime? RespondByLocal { get; set; }
    public string? Message { get; set; }
    public Guid? BackfillForId { get; set; }
    public List<ShiftRow> Shifts { get; set; } = [];

    /// <summary>For each shift sent to the operation, the row it came from.</summary>
    private List<int> rowOf = [];

    /// <summary>The operation's input, or null when the form is not valid (the errors are in the model state).</summary>
    public CapacityRequestInput? ToInput(ModelStateDictionary state, IStringLocalizer T)
    {
        rowOf = [.. Shifts.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank).Select(x => x.i)];
        var input = new CapacityRequestInput
        {
            EventId = EventId ?? Guid.Empty,
            VendorId = VendorId ?? Guid.Empty,
            Skill = Skill ?? "",
            RespondByLocal = RespondByLocal ?? default,
            Message = Message,
            BackfillForId = BackfillForId,
            Shifts = [.. rowOf.Select(i => new ShiftPlanInput
            {
                StartsAtLocal = Shifts[i].StartsAtLocal ?? default,
                EndsAtLocal = Shifts[i].EndsAtLocal ?? default,
                Headcount = Shifts[i].Headcount ?? 0,
            })],
        };
        if (state.Validate(new CapacityRequestInputValidator(), input, Prefix, T, Key)) return input;
        if (state.Keys.Any(k => k.StartsWith($"{Prefix}.{nameof(Shifts)}[", StringComparison.Ordinal)))
            state.AddModelError("", T["Fix the marked shifts; nothing was sent."]);
        return null;
    }

    /// <summary>Puts the operation's refusal beside the field or shift row it is about.</summary>
    public void Add(ModelStateDictionary state, RuleViolation rule, IStringLocalizer T)
    {
        if (rule.Rows.Count == 0)
        {
            state.AddModelError(Key(rule.Field), rule.Error.Text());
            return;
        }
        foreach (var (field, error) in rule.Rows) state.AddModelError(Key(field), error.Text());
        state.AddModelError("", T["Fix the marked shifts; nothing was sent."]);
    }

    /// <summary>
    /// The model-state key of an operation's field: shifts[2].startsAtLocal becomes Input.Shifts[5].StartsAtLocal when the
    /// third shift sent was typed in the sixth row. A rule on a whole shift (the 12-hour limit) belongs beside its end.
    /// </summary>
    public string Key(string field)
    {
        if (field is "" or "generalErrors" or "backfillForId") return "";
        if (ShiftField().Match(field) is { Success: true } m)
        {
            var sent = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var row = sent < rowOf.Count ? rowOf[sent] : sent;
            var member = m.Groups[2].Success ? m.Groups[2].Value : "endsAtLocal";
            return $"{Prefix}.{nameof(Shifts)}[{row}].{char.ToUpperInvariant(member[0])}{member[1..]}";
        }
        return $"{Prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
    }

    [GeneratedRegex(@"^[sS]hifts\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex ShiftField();
}
