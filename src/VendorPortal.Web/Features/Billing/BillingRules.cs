
namespace VendorPortal.Web.Features.Billing;

/// <summary>The rules of rate cards and statements. Texts in Resources/RuleMessages*.resx.</summary>
public static class BillingRules
{
    public static RuleError Status(StatementStatus status) => new($"statement.status.{status.ToString().ToLowerInvariant()}");
    public static RuleError CardVendorFixed => new("billing.card_vendor_fixed");
    public static RuleError MinimumDecimals(string currency, int decimals) => new("billing.minimum_decimals", currency, decimals);
    /// <summary>Cards of one vendor and skill (or of all skills) must not overlap.</summary>
    public static RuleError CardOverlap(string? skill, DateOnly from, DateOnly? to) =>
        new("billing.card_overlap", skill is null ? (object)new RuleError("billing.all_skills") : skill, from,
            to is { } end ? (object)end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : new RuleError("billing.open_ended"));
    public static RuleError StatementOverlap(string number, StatementStatus status, DateOnly start, DateOnly end) =>
        new("billing.statement_overlap", number, Status(status), start, end);
    public static RuleError StatementRace => new("billing.statement_race");
    public static RuleError OnlyDraftRegenerated(string? number, StatementStatus status) => new("billing.only_draft_regenerated", number ?? "", Status(status));
    public static RuleError Already(StatementStatus status, string? number) =>
        number is null ? new("billing.already", Status(status)) : new("billing.already_numbered", Status(status), number);
    public static RuleError TotalChanged(string total, string expected) => new("billing.total_changed", total, expected);
    public static RuleError AlreadyVoid => new("billing.already_void");
    public static RuleError MonthFormat => new("billing.month_format");
    public static RuleError AmountDecimals(string currency, int decimals) => new("billing.amount_decimals", currency, decimals);
    public static RuleError ForeignCard(DateOnly from, string cardCurrency, string tenantCurrency) => new("billing.foreign_card", from, cardCurrency, tenantCurrency);
    public static RuleError Unpriced(IReadOnlyList<RuleError> skills) => new("billing.unpriced", new RuleList(skills, "; "));
    public static RuleError UnpricedSkill(string skill, int days, DateOnly from, string contacts) => new("billing.unpriced_skill", skill, days, from, contacts);
    public static RuleError VoidReason => new("billing.void_reason");

    public static RuleError VolumeNoSuchVendor => new("volume.no_such_vendor");
    public static RuleError VolumeNameTheVendor => new("volume.name_the_vendor");
    public static RuleError VolumeUnknownSkill(string skill) => new("volume.unknown_skill", skill);
    public static RuleError VolumeFutureDate(DateOnly date) => new("volume.future_date", date);
    public static RuleError VolumeMissingDate => new("volume.missing_date");
    public static RuleError VolumeBadInterval(string text) => new("volume.bad_interval", text);
    public static RuleError VolumeDuplicate(string first) => new("volume.duplicate", first);
    public static RuleError VolumeWholeDayAndIntervals(string skill, DateOnly date) => new("volume.whole_day_and_intervals", skill, date);
    public static RuleError VolumeBadNumber(string column, string text) => new("volume.bad_number", column, text);
    public static RuleError VolumeMissingHandled => new("volume.missing_handled");
    /// <summary>A CSV line whose figures fail the same checks as a JSON row; the message is the check's own, in the reader's language.</summary>
    public static RuleError VolumeInvalid(string field, string message) => new("volume.invalid", field, message);
}
