using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Training.Pages;

/// <summary>What the session form partial needs besides the values.</summary>
public sealed record SessionFormView(TrainingSessionInput Input, IReadOnlyList<SkillOption> Skills, string ZoneId, bool Narrow);

public static class SessionForm
{
    public static TrainingSessionInput From(TrainingSessionResponse s) => new()
    {
        Title = s.Title,
        EventId = s.EventId,
        Skills = [.. s.Skills],
        StartsAtLocal = s.StartsAt.DateTime,
        EndsAtLocal = s.EndsAt.DateTime,
        Capacity = s.Capacity,
        Location = s.Location,
        Trainer = s.Trainer,
        Notes = s.Notes,
    };

    public static bool Validate(ModelStateDictionary state, TrainingSessionInput input, IStringLocalizer T) =>
        state.Validate(new TrainingSessionInputValidator(), input, "Input", T);
}
