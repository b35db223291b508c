namespace VendorPortal.Web.Shared;

/// <summary>Search boxes match case-insensitively with LIKE, so the user's own % and _ must match literally.</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    /// <summary>
    /// A case-insensitive "contains" pattern, to match against a lower-cased column (<c>x.Name.ToLower()</c>): SQLite's
    /// LIKE ignores case and PostgreSQL's does not, so both sides are lower-cased and search reads the same everywhere.
    /// </summary>
    public static string Containing(string term) => $"%{Escape(term.Trim().ToLowerInvariant())}%";

    private static string Escape(string term) =>
        term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
