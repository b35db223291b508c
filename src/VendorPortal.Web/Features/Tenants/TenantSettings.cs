using System.Text.Json.Serialization;

namespace VendorPortal.Web.Features.Tenants;

/// <summary>
/// A PUT sends every setting: a missing one is refused rather than reset to its default. Settings added later are the
/// exception, so clients written before them keep working: left out, they keep their value.
/// </summary>
public sealed class TenantSettings
{
    [JsonRequired] public string Name { get; set; } = "";
    [JsonRequired] public string TimeZone { get; set; } = "UTC";
    [JsonRequired] public string Currency { get; set; } = "USD";
    [JsonRequired] public decimal ReserveRatioTarget { get; set; } = 2.0m;
    [JsonRequired] public int TrainingLeadDays { get; set; } = 2;
    [JsonRequired] public int TrainingValidityDays { get; set; } = 180;
    [JsonRequired] public int ConfirmationDeadlineHours { get; set; } = 48;
    [JsonRequired] public int AssignmentBufferPercent { get; set; } = 20;
    [JsonRequired] public List<int> AlertLeadHours { get; set; } = [72, 48];
    [JsonRequired] public int ConfirmedAlertPercent { get; set; } = 100;
    [JsonRequired] public int TrainedAlertPercent { get; set; } = 90;
    /// <summary>
    /// Minutes an open confirmationsOverdue alert may go unacknowledged before the tenant's admins are e-mailed (0: never;
    /// default 120). Optional on PUT: left out, it keeps its value.
    /// </summary>
    public int? AlertEscalationMinutes { get; set; }

    public static TenantSettings From(Tenant t) => new()
    {
        Name = t.Name,
        TimeZone = t.TimeZone,
        Currency = t.Currency,
        ReserveRatioTarget = t.ReserveRatioTarget,
        TrainingLeadDays = t.TrainingLeadDays,
        TrainingValidityDays = t.TrainingValidityDays,
        ConfirmationDeadlineHours = t.ConfirmationDeadlineHours,
        AssignmentBufferPercent = t.AssignmentBufferPercent,
        AlertLeadHours = [.. t.AlertLeadHours],
        ConfirmedAlertPercent = t.ConfirmedAlertPercent,
        TrainedAlertPercent = t.TrainedAlertPercent,
        AlertEscalationMinutes = t.AlertEscalationMinutes,
    };
}

public sealed class TenantSettingsValidator : Validator<TenantSettings>
{
    public TenantSettingsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.TimeZone).NotEmpty().Must(IsTimeZone).WithMessage("Use an IANA time zone such as Asia/Shanghai.");
        RuleFor(x => x.Currency).NotEmpty().Must(Currencies.IsKnown).WithMessage("Use an ISO 4217 currency code such as CNY.");
        RuleFor(x => x.ReserveRatioTarget).InclusiveBetween(1.0m, 10.0m);
        RuleFor(x => x.TrainingLeadDays).InclusiveBetween(0, 30);
        RuleFor(x => x.TrainingValidityDays).InclusiveBetween(1, 730);
        RuleFor(x => x.ConfirmationDeadlineHours).InclusiveBetween(1, 720);
        RuleFor(x => x.AssignmentBufferPercent).InclusiveBetween(0, 100);
        RuleFor(x => x.AlertLeadHours).NotNull().Must(h => h.Count is >= 1 and <= 5)
            .WithMessage("Give one to five alert lead times.");
        RuleForEach(x => x.AlertLeadHours).InclusiveBetween(1, 720);
        RuleFor(x => x.ConfirmedAlertPercent).InclusiveBetween(1, 200);
        RuleFor(x => x.TrainedAlertPercent).InclusiveBetween(1, 200);
        RuleFor(x => x.AlertEscalationMinutes).InclusiveBetween(0, MaxEscalationMinutes);
    }

    /// <summary>A week: an alert left longer has outlived any shift it was about.</summary>
    public const int MaxEscalationMinutes = 7 * 24 * 60;

    public static bool IsTimeZone(string id) =>
        (id == "UTC" || id.Contains('/')) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

public static class Currencies
{
    private static readonly HashSet<string> Known = System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)
        .Select(c => { try { return new System.Globalization.RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string code) => Known.Contains(code);
}

public sealed class TenantSettingsOperations(AppDbContext db)
{
    public async Task<Tenant> CurrentAsync(CancellationToken ct)
    {
        var id = db.Scope?.TenantId ?? throw new NotFound(Thing.Tenant);
        return await db.Tenants.SingleAsync(t => t.Id == id, ct);
    }

    public async Task<Tenant> UpdateAsync(TenantSettings input, CancellationToken ct)
    {
        var tenant = await CurrentAsync(ct);
        tenant.Name = input.Name.Trim();
        tenant.TimeZone = input.TimeZone;
        tenant.Currency = input.Currency;
        tenant.ReserveRatioTarget = input.ReserveRatioTarget;
        tenant.TrainingLeadDays = input.TrainingLeadDays;
        tenant.TrainingValidityDays = input.TrainingValidityDays;
        tenant.ConfirmationDeadlineHours = input.ConfirmationDeadlineHours;
        tenant.AssignmentBufferPercent = input.AssignmentBufferPercent;
        tenant.AlertLeadHours = [.. input.AlertLeadHours.Distinct().OrderDescending()];
        tenant.ConfirmedAlertPercent = input.ConfirmedAlertPercent;
        tenant.TrainedAlertPercent = input.TrainedAlertPercent;
        if (input.AlertEscalationMinutes is { } minutes) tenant.AlertEscalationMinutes = minutes;
        await db.SaveChangesAsync(ct);
        return tenant;
    }
}
