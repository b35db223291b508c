namespace VendorPortal.Tests.Api;

public sealed class CsvImportBadInputTests(QuietApp quiet) : IClassFixture<QuietApp>
{
    /// <summary>Every CSV import route; the sweep fails when a new one is missing here.</summary>
    public static readonly HashSet<string> Imports = new(StringComparer.Ordinal)
    {
        "api/t/{tenant}/agents/import",
        "api/t/{tenant}/events/{eventId}/forecast/import",
        "api/t/{tenant}/contact-volumes/import",
    };

    private AppFactory App => quiet.App;
}
