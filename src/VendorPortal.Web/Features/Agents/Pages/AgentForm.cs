using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace VendorPortal.Web.Features.Agents.Pages;

/// <summary>
/// The agent form as people fill it in: skills as checkboxes, languages as one comma-separated box. Text is
/// nullable so that only the operation's validator speaks about empty fields, in the reader's language.
/// </summary>
public sealed class AgentForm
{
    private static readonly char[] LanguageSeparators = [',', '，', ';', '；', ' '];

    public Guid? VendorId { get; set; }
    public string? ExternalRef { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? Languages { get; set; }
    public AgentStatus Status { get; set; } = AgentStatus.Active;
    public int? MaxWeeklyHours { get; set; }
    public string? Notes { get; set; }

    public static AgentForm From(AgentResponse a) => new()
    {
        VendorId = a.VendorId,
        ExternalRef = a.ExternalRef,
        DisplayName = a.DisplayName,
        Skills = [.. a.Skills],
        Languages = string.Join(", ", a.Languages),
        Status = a.Status,
        MaxWeeklyHours = a.MaxWeeklyHours,
        Notes = a.Notes,
    };

    /// <summary>The operation's input, or null when the form is not valid (the errors are in the model state).</summary>
    public AgentInput? ToInput(ModelStateDictionary state, string prefix, IStringLocalizer T)
    {
        var languages = (Languages ?? "").Split(LanguageSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var tag in languages.Where(l => !AgentInputValidator.IsLanguageTag(l)))
            state.AddModelError($"{prefix}.{nameof(Languages)}", T["\"{0}\" is not a language tag such as zh or en-GB.", tag]);
        var input = new AgentInput
        {
            VendorId = VendorId,
            ExternalRef = ExternalRef ?? "",
            DisplayName = DisplayName ?? "",
            Skills = Skills,
            Languages = [.. languages.Where(AgentInputValidator.IsLanguageTag)],
            Status = Status,
            MaxWeeklyHours = MaxWeeklyHours,
            Notes = Notes,
        };
        var valid = state.Validate(new AgentInputValidator(), input, prefix, T,
            field => field.StartsWith(nameof(AgentInput.Languages), StringComparison.Ordinal) ? $"{prefix}.{nameof(Languages)}" : null);
        return valid ? input : null;
    }
}

/// <summary>What the agent form says instead of an operation's rule: the form offers only skills that existed when it was drawn.</summary>
public static class AgentMessages
{
    public static string? For(RuleViolation rule, IStringLocalizer T) =>
        rule.Field == "skills" ? T["One of the skills no longer exists; reload the page and choose again."].Value : null;
}
