namespace VendorPortal.Web.Shared;

/// <summary>
/// A business rule said no. Operations shared by the API and the portal throw it; the API answers with
/// problem details carrying the field and the status, and pages show it beside the field.
/// </summary>
public sealed class RuleViolation(string field, string message, int status = StatusCodes.Status422UnprocessableEntity)
    : Exception(message)
{
    public string Field { get; } = field;
    public int Status { get; } = status;

    /// <summary>For a multi-row operation: every wrong row (e.g. rows[3]) and why. Nothing was written.</summary>
    public IReadOnlyList<(string Field, string Message)> Rows { get; private init; } = [];

    public static RuleViolation Conflict(string field, string message) => new(field, message, StatusCodes.Status409Conflict);

    public static RuleViolation ForRows(IReadOnlyList<(string Field, string Message)> rows) =>
        new(rows[0].Field, rows.Count == 1 ? $"1 row is wrong; nothing was changed." : $"{rows.Count} rows are wrong; nothing was changed.")
        {
            Rows = rows,
        };
}

/// <summary>The thing asked for does not exist in the caller's scope (answers 404).</summary>
public sealed class NotFound(string what) : Exception($"{what} was not found.");
