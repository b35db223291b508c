namespace VendorPortal.Web.Shared;

/// <summary>Search boxes match case-insensitively with LIKE, so the user's own % and _ must match literally.</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string term) =>
        term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
