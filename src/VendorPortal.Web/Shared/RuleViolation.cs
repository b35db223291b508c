using System.Text.RegularExpressions;

namespace VendorPortal.Web.Shared;

/// <summary>
/// A business rule said no. Operations shared by the API and the portal throw it with the rule's <see cref="RuleError"/>;
/// the API answers with problem details carrying the field, the code and the text in the requester's language, and
/// pages show the text beside the field.
/// </summary>
public sealed partial class RuleViolation(string field, RuleError error, int status = StatusCodes.Status422UnprocessableEntity)
    : Exception(error.Text(RuleError.English))
{
    public string Field { get; } = field;
    public RuleError Error { get; } = error;
    public int Status { get; } = status;

    /// <summary>For a multi-row operation: every wrong row (e.g. rows[3]) and why. Nothing was written.</summary>
    public IReadOnlyList<(string Field, RuleError Error)> Rows { get; private init; } = [];

    public static RuleViolation Conflict(string field, RuleError error) => new(field, error, StatusCodes.Status409Conflict);

    public static RuleViolation ForRows(IReadOnlyList<(string Field, RuleError Error)> rows) =>
        new(rows[0].Field, CommonRules.RowsWrong(rows.Count)) { Rows = rows };

    /// <summary>The row a multi-row failure names ("[3].reason", "shifts[3].committed", "agentIds[3]"), or null.</summary>
    public static int? RowOf(string field) =>
        RowIndex().Match(field) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("\\[(\\d+)\\]")]
    private static partial Regex RowIndex();
}

/// <summary>The thing asked for does not exist in the caller's scope (answers 404).</summary>
public sealed class NotFound(Thing what) : Exception(CommonRules.NotFound(what).Text(RuleError.English))
{
    public RuleError Error { get; } = CommonRules.NotFound(what);
}
