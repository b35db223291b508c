using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Agents.Pages;

/// <summary>
/// The import's reasons for refusing a line, in the reader's language. A reason lists one or more problems
/// separated by "; "; a problem that is not recognised is shown as the import wrote it.
/// </summary>
public static partial class ImportMessages
{
    public static IReadOnlyList<string> Problems(string reason, IStringLocalizer T) =>
        Whole(reason, T) is { } whole ? [whole] : [.. reason.Split("; ").Select(part => Part(part, T) ?? part)];

    private static string? Whole(string reason, IStringLocalizer T)
    {
        if (reason == "malformed CSV here (check the quotes); nothing was stored")
            return T["Malformed CSV here (check the quotes); nothing was stored."];
        if (reason == "The file is empty: the first line must name the columns.")
            return T["The file is empty: the first line must name the columns."];
        if (Header().Match(reason) is { Success: true } header)
            return T["The header has no {0} column.", header.Groups[1].Value];
        if (TooManyRows().Match(reason) is { Success: true } rows)
            return T["The file has more than {0} rows; split it.", rows.Groups[1].Value];
        return null;
    }

    private static string? Part(string part, IStringLocalizer T)
    {
        switch (part)
        {
            case "missing external reference": return T["missing reference"];
            case "external reference longer than 64 characters": return T["reference longer than 64 characters"];
            case "missing display name": return T["missing display name"];
            case "display name longer than 200 characters": return T["display name longer than 200 characters"];
            case "notes longer than 2000 characters": return T["notes longer than 2000 characters"];
            case "not valid UTF-8: save the file as \"CSV UTF-8\" and upload it again":
                return T["not valid UTF-8: save the file as \"CSV UTF-8\" and upload it again"];
        }
        if (Duplicate().Match(part) is { Success: true } duplicate)
            return T["duplicate reference {0} (also on line {1})", duplicate.Groups[1].Value, duplicate.Groups[2].Value];
        if (UnknownSkill().Match(part) is { Success: true } skill)
            return T["unknown skill {0}", skill.Groups[1].Value];
        if (BadLanguage().Match(part) is { Success: true } language)
            return T["bad language tag {0}", language.Groups[1].Value];
        if (BadStatus().Match(part) is { Success: true } status)
            return T["bad status '{0}' (use active, inactive or left)", status.Groups[1].Value];
        if (BadHours().Match(part) is { Success: true } hours)
            return T["bad maxWeeklyHours '{0}' (a whole number from 1 to 80)", hours.Groups[1].Value];
        return null;
    }

    [GeneratedRegex("^The header has no (\\w+) column\\.$")]
    private static partial Regex Header();

    [GeneratedRegex("^The file has more than ([\\d,.\\s]+) rows; split it\\.$")]
    private static partial Regex TooManyRows();

    [GeneratedRegex("^duplicate reference (.+) \\(also on line (\\d+)\\)$")]
    private static partial Regex Duplicate();

    [GeneratedRegex("^unknown skill (.+)$")]
    private static partial Regex UnknownSkill();

    [GeneratedRegex("^bad language tag (.+)$")]
    private static partial Regex BadLanguage();

    [GeneratedRegex("^bad status '(.*)' \\(use active, inactive or left\\)$")]
    private static partial Regex BadStatus();

    [GeneratedRegex("^bad maxWeeklyHours '(.*)' \\(a whole number from 1 to 80\\)$")]
    private static partial Regex BadHours();
}
