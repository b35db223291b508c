using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Shifts.Pages;

/// <summary>
/// The capacity request rules' messages in the reader's language. Messages without values are resource keys as they
/// stand; those with values are recognised here, and anything else is shown as the operation wrote it.
/// </summary>
public static partial class CapacityMessages
{
    public static string For(string m, IStringLocalizer T)
    {
        if (OutsideEvent().Match(m) is { Success: true } outside)
            return T["The shift starts on {0}, outside the event ({1} to {2}; a shift may start the evening before).", outside.Groups[1].Value, outside.Groups[2].Value, outside.Groups[3].Value];
        if (SkippedTime().Match(m) is { Success: true } skipped)
            return T["{0} does not exist in {1} (the clocks skip it).", skipped.Groups[1].Value, skipped.Groups[2].Value];
        if (UnknownSkill().Match(m) is { Success: true } skill) return T["Unknown skill: {0}.", skill.Groups[1].Value];
        if (Inactive().Match(m) is { Success: true } inactive) return T["{0} is inactive.", inactive.Groups[1].Value];
        return T[m];
    }

    [GeneratedRegex(@"^The shift starts on (\S+), outside the event \((\S+) to (\S+); a shift may start the evening before\)\.$")]
    private static partial Regex OutsideEvent();

    [GeneratedRegex("^(.+) does not exist in (.+) \\(the clocks skip it\\)\\.$")]
    private static partial Regex SkippedTime();

    [GeneratedRegex("^Unknown skill: (.+)\\.$")]
    private static partial Regex UnknownSkill();

    [GeneratedRegex("^(.+) is inactive\\.$")]
    private static partial Regex Inactive();
}
