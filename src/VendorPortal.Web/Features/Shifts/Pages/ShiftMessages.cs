using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Shifts.Pages;

/// <summary>
/// The request and shift operations' rule messages in the reader's language. Messages without values are resource
/// keys as they stand; those with values are recognised here, and anything else is shown as the operation wrote it.
/// </summary>
public static partial class ShiftMessages
{
    public static string For(IStringLocalizer T, string m)
    {
        if (OutsideEvent().Match(m) is { Success: true } outside)
            return T["The shift starts on {0}, outside the event ({1} to {2}; a shift may start the evening before).", outside.Groups[1].Value, outside.Groups[2].Value, outside.Groups[3].Value];
        if (SkippedTime().Match(m) is { Success: true } skipped)
            return T["{0} does not exist in {1} (the clocks skip it).", skipped.Groups[1].Value, skipped.Groups[2].Value];
        if (UnknownSkill().Match(m) is { Success: true } skill) return T["Unknown skill: {0}.", skill.Groups[1].Value];
        if (InactiveVendor().Match(m) is { Success: true } inactive) return T["{0} is inactive.", inactive.Groups[1].Value];
        if (RowsWrong().Match(m) is { Success: true } rows) return T["{0} rows are wrong; nothing was changed.", rows.Groups[1].Value];
        if (AtMost().Match(m) is { Success: true } most) return T["At most the {0} agents asked for can be committed.", most.Groups[1].Value];
        if (PlacesLeft().Match(m) is { Success: true } places)
            return T["The shift takes {0} agents ({1} plus the buffer); {2} places are left.", places.Groups[1].Value, places.Groups[2].Value, places.Groups[3].Value];
        if (NotConfirmed().Match(m) is { Success: true } expected)
            return T["Only confirmed agents are expected; this one is {0}.",
                Enum.TryParse<AssignmentStatus>(expected.Groups[1].Value, ignoreCase: true, out var status) ? T.Status(status) : expected.Groups[1].Value];
        if (NoSuchAgent().IsMatch(m)) return T["One of the chosen agents is not an agent of this shift's vendor."];
        if (AgentProblem().Match(m) is not { Success: true } agent) return T[m];
        var who = agent.Groups["who"].Value;
        if (agent.Groups["inactive"].Success) return T["{0} is not active.", who];
        if (agent.Groups["skill"].Success) return T["{0} does not have the shift's skill.", who];
        if (agent.Groups["here"].Success) return T["{0} is already on this shift.", who];
        if (agent.Groups["from"].Success)
            return T["{0} is already on a shift from {1} to {2}, which overlaps.", who, agent.Groups["from"].Value, agent.Groups["to"].Value];
        if (agent.Groups["title"].Success) return T["{0} is in the training \"{1}\" at an overlapping time.", who, agent.Groups["title"].Value];
        return T["{0} would work {1} hours in the week of {2}, above their maximum of {3}.",
            who, agent.Groups["hours"].Value, agent.Groups["week"].Value, agent.Groups["max"].Value];
    }

    public static string For(IStringLocalizer T, RuleViolation rule) => For(T, rule.Message);

    /// <summary>The row a multi-row failure names ("[3].reason", "shifts[3].committed", "agentIds[3]"), or null.</summary>
    public static int? RowOf(string field) => RowIndex().Match(field) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^The shift starts on (\S+), outside the event \((\S+) to (\S+); a shift may start the evening before\)\.$")]
    private static partial Regex OutsideEvent();

    [GeneratedRegex("^(.+) does not exist in (.+) \\(the clocks skip it\\)\\.$")]
    private static partial Regex SkippedTime();

    [GeneratedRegex("^Unknown skill: (.+)\\.$")]
    private static partial Regex UnknownSkill();

    [GeneratedRegex("^([^()]+) is inactive\\.$")]
    private static partial Regex InactiveVendor();

    [GeneratedRegex("^(\\d+) rows are wrong; nothing was changed\\.$")]
    private static partial Regex RowsWrong();

    [GeneratedRegex("^At most the (\\d+) agents asked for can be committed\\.$")]
    private static partial Regex AtMost();

    [GeneratedRegex("^The shift takes (\\d+) agents \\((\\d+) plus the buffer\\); (\\d+) places are left\\.$")]
    private static partial Regex PlacesLeft();

    [GeneratedRegex("^Only confirmed agents are expected; this one is (\\w+)\\.$")]
    private static partial Regex NotConfirmed();

    [GeneratedRegex("^[0-9a-f-]{36}: no such agent of this shift's vendor\\.$")]
    private static partial Regex NoSuchAgent();

    [GeneratedRegex("""^(?<who>.+? \([^()]+\)) (?:is (?<inactive>inactive|left)|(?<skill>does not have the shift's skill)|(?<here>is already on this shift)|is already on a shift from (?<from>.+) to (?<to>.+), which overlaps|is in the training "(?<title>.*)" at an overlapping time|would work (?<hours>[\d.]+) hours in the week of (?<week>[\d-]+), above their maximum of (?<max>[\d.]+))\.$""")]
    private static partial Regex AgentProblem();

    [GeneratedRegex("\\[(\\d+)\\]")]
    private static partial Regex RowIndex();
}
