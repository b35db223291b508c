using System.Text.Json;

namespace VendorPortal.Web.Shared;

/// <summary>Rules every capability shares: scope, concurrency, keys, times, files. Texts in Resources/RuleMessages*.resx.</summary>
public static class CommonRules
{
    public static RuleError NotFound(Thing what) => new("common.not_found", Name(what));
    public static RuleError Name(Thing thing) => new($"thing.{JsonNamingPolicy.SnakeCaseLower.ConvertName(thing.ToString())}");
    public static RuleError ChangedConcurrently => new("common.changed_concurrently");
    public static RuleError DuplicateKey => new("common.duplicate_key");
    /// <summary>The database is not reachable at the moment (start-up still waiting for it, or a dropped connection).</summary>
    public static RuleError DatabaseUnavailable => new("common.database_unavailable");
    public static RuleError RowsWrong(int count) => count == 1 ? new("common.row_wrong") : new("common.rows_wrong", count);
    public static RuleError NoSuchVendorInTenant => new("common.no_such_vendor_in_tenant");
    public static RuleError TooLong(int max) => new("common.too_long", max);
    /// <summary>A local time the clocks skip (the spring-forward gap).</summary>
    public static RuleError SkippedTime(DateTime wall, string zone) => new("common.skipped_time", wall, zone);
    /// <summary>Several problems of one field, shown one after the other.</summary>
    public static RuleError Several(IReadOnlyList<RuleError> problems) => new("common.several", new RuleList(problems, " "));
    /// <summary>Everything wrong with one row of a batch or import, in one reason.</summary>
    public static RuleError RowProblems(IReadOnlyList<RuleError> problems) =>
        problems.Count == 1 ? problems[0] : new("common.row_problems", new RuleList(problems, "; "));
    public static RuleError BadDate(string text) => new("common.bad_date", text);

    public static RuleError CsvMediaType => new("csv.media_type");
    public static RuleError CsvNoFile => new("csv.no_file");
    public static RuleError CsvSeparatedByTabs => new("csv.separated_by_tabs");
    public static RuleError CsvNotUtf8(int line) => new("csv.not_utf8", line);
    public static RuleError CsvControlCharacter(int line) => new("csv.control_character", line);
    public static RuleError CsvEmpty => new("csv.empty");
    public static RuleError CsvNoColumn(string column) => new("csv.no_column", column);
    public static RuleError CsvTooManyRows(int max) => new("csv.too_many_rows", max);
    public static RuleError CsvMalformed => new("csv.malformed");
    public static RuleError ExportTooLarge(int rows, int max) => new("csv.export_too_large", rows, max);
}

/// <summary>What a request can ask for and not find in the caller's scope (answers 404).</summary>
public enum Thing
{
    Agent, Alert, ApiKey, CapacityRequest, Enrolment, Event, RateCard, Shift, Statement, Tenant, TrainingSession, User, Vendor, Webhook, WebhookDelivery,
}
