using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace VendorPortal.Web.Features.Training.Pages;

/// <summary>
/// The session form as people fill it in, in the tenant's local time. Everything is nullable so that only the
/// operation's validator speaks about empty fields, in the reader's language.
/// </summary>
public sealed class SessionForm
{
    public string? Title { get; set; }
    public List<string> Skills { get; set; } = [];
    public DateTime? StartsAtLocal { get; set; }
    public DateTime? EndsAtLocal { get; set; }
    public int? Capacity { get; set; }
    public string? Location { get; set; }
    public string? Trainer { get; set; }
    public string? Notes { get; set; }

    public static SessionForm From(TrainingSessionResponse s) => new()
    {
        Title = s.Title,
        Skills = [.. s.Skills],
        StartsAtLocal = s.StartsAt.DateTime,
        EndsAtLocal = s.EndsAt.DateTime,
        Capacity = s.Capacity,
        Location = s.Location,
        Trainer = s.Trainer,
        Notes = s.Notes,
    };

    /// <summary>The operation's input, or null when the form is not valid (the errors are in the model state).</summary>
    public TrainingSessionInput? ToInput(Guid? eventId, ModelStateDictionary state, string prefix, IStringLocalizer T)
    {
        var input = new TrainingSessionInput
        {
            Title = Title ?? "",
            EventId = eventId,
            Skills = Skills,
            StartsAtLocal = StartsAtLocal ?? default,
            EndsAtLocal = EndsAtLocal ?? default,
            Capacity = Capacity ?? 0,
            Location = Location,
            Trainer = Trainer,
            Notes = Notes,
        };
        return state.Validate(new TrainingSessionInputValidator(), input, prefix, T) ? input : null;
    }
}

/// <summary>What the session form partial needs besides the values.</summary>
public sealed record SessionFormView(SessionForm Input, IReadOnlyList<SkillOption> Skills, string ZoneId, bool Narrow);
