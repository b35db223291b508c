using System.Text.Json.Serialization;

namespace VendorPortal.Web.Shared;

/// <summary>
/// A refused row of a batch or an import: where (rows[3], line 5) and why. The reason is the rule's text in the reader's
/// language; the API answers these through <see cref="RuleViolation.ForRows"/>, each with its code.
/// </summary>
public sealed record RowProblem(string Where, [property: JsonIgnore] RuleError Error)
{
    public string Reason => Error.Text();

    public static RuleViolation Refused(IEnumerable<RowProblem> problems) => RuleViolation.ForRows([.. problems.Select(p => (p.Where, p.Error))]);
}
