namespace VendorPortal.Tests.Data;

/// <summary>
/// ExecuteUpdate and ExecuteDelete skip the save rules, so they skip the audit trail too. Changes users make go through
/// Data/BulkChanges.cs, which audits them; only bookkeeping stamps, listed here with their reason, call them directly.
/// </summary>
public sealed class BulkChangeTests
{
    private static readonly Dictionary<string, string> Bookkeeping = new(StringComparer.Ordinal)
    {
        ["src/VendorPortal.Web/Data/BulkChanges.cs"] = "the audited way itself",
        ["src/VendorPortal.Web/Features/ApiKeys/ApiKeyAuthentication.cs"] = "an API key's last-used time",
        ["src/VendorPortal.Web/Features/Shifts/Api/GetSubscribedCalendar.cs"] = "a calendar link's last-used time",
        ["src/VendorPortal.Web/Features/Notifications/Notifier.cs"] = "claiming a notification and its sent-at time",
        ["src/VendorPortal.Web/Features/Agents/ImportUploads.cs"] = "an uploaded file kept between preview and import",
        ["src/VendorPortal.Web/Features/Users/SendInvitationEmails.cs"] = "an invitation e-mail's sent-at time",
        ["src/VendorPortal.Web/Features/Webhooks/SendWebhook.cs"] = "claiming a webhook delivery and recording its attempts (an outbox row, like an e-mail's)",
    };

    [Fact]
    public void Only_bookkeeping_stamps_change_rows_in_bulk_without_an_audit_row()
    {
        var bulk = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(RepositoryRoot.Path, f)) is var text
                && (text.Contains("ExecuteUpdate", StringComparison.Ordinal) || text.Contains("ExecuteDelete", StringComparison.Ordinal)))
            .ToList();
        var problems = bulk.Except(Bookkeeping.Keys)
            .Select(f => $"{f} calls ExecuteUpdate/ExecuteDelete, which writes no audit row. Use BulkChanges (Data/BulkChanges.cs) or tracked changes; " +
                "only a bookkeeping stamp may be added to Data/BulkChangeTests.Bookkeeping, with its reason.")
            .Concat(Bookkeeping.Keys.Except(bulk).Select(f => $"{f} no longer changes rows in bulk: remove it from Data/BulkChangeTests.Bookkeeping."))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
