using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Training.Pages;

/// <summary>
/// The training operations' rule messages in the reader's language. Messages without values are resource keys
/// as they stand; those with values are recognised here, and anything else is shown as the operation wrote it.
/// </summary>
public static partial class TrainingMessages
{
    public static string For(RuleViolation rule, IStringLocalizer T)
    {
        var m = rule.Message;
        if (SeatsLeft().Match(m) is { Success: true } seats) return T["Only {0} seats are left.", seats.Groups[1].Value];
        if (CapacityBelowEnrolled().Match(m) is { Success: true } capacity)
            return T["{0} agents are enrolled; capacity cannot go below that.", capacity.Groups[1].Value];
        if (Clash().Match(m) is { Success: true } clash)
            return T["At the new time these enrolled agents would be in another session: {0}.", clash.Groups[1].Value];
        if (SkippedTime().Match(m) is { Success: true } skipped)
            return T["{0} does not exist in {1} (the clocks skip it).", skipped.Groups[1].Value, skipped.Groups[2].Value];
        if (UnknownSkill().Match(m) is { Success: true } skill) return T["Unknown skill: {0}.", skill.Groups[1].Value];
        return T[m];
    }

    /// <summary>Enrolment refuses all agents at once and says why for each; one line per agent.</summary>
    public static IReadOnlyList<string> EnrolProblems(RuleViolation rule, IStringLocalizer T)
    {
        if (rule.Field != "agentIds" || rule.Status == StatusCodes.Status409Conflict) return [For(rule, T)];
        var problems = AgentProblem().Matches(rule.Message);
        if (problems.Sum(p => p.Length) + problems.Count - 1 != rule.Message.Length) return [For(rule, T)];
        return [.. problems.Select(p =>
        {
            var (name, reference) = (p.Groups["name"].Value, p.Groups["ref"].Value);
            if (p.Groups["already"].Success) return T["{0} ({1}) is already enrolled.", name, reference].Value;
            if (p.Groups["title"].Success) return T["{0} ({1}) is in \"{2}\" at an overlapping time.", name, reference, p.Groups["title"].Value].Value;
            if (p.Groups["status"].Success) return T["{0} ({1}) is not active and cannot enrol.", name, reference].Value;
            return T["One of the chosen agents no longer exists."].Value;
        })];
    }

    [GeneratedRegex("^Only (-?\\d+) seats are left\\.$")]
    private static partial Regex SeatsLeft();

    [GeneratedRegex("^(\\d+) agents are enrolled; capacity cannot go below that\\.$")]
    private static partial Regex CapacityBelowEnrolled();

    [GeneratedRegex("^At the new time these enrolled agents would be in another session: (.+)\\.$")]
    private static partial Regex Clash();

    [GeneratedRegex("^(.+) does not exist in (.+) \\(the clocks skip it\\)\\.$")]
    private static partial Regex SkippedTime();

    [GeneratedRegex("^Unknown skill: (.+)\\.$")]
    private static partial Regex UnknownSkill();

    [GeneratedRegex("""(?<name>\S.*?) \((?<ref>[^()]+)\) (?:(?<already>is already enrolled)|is in "(?<title>.*?)" at an overlapping time|is (?<status>\w+) and cannot enrol)\.|[0-9a-f-]{36}: no such agent\.""")]
    private static partial Regex AgentProblem();
}
