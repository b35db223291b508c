using System.Text.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace VendorPortal.Web.Features.Billing;

public sealed class AdjustmentInput
{
    /// <summary>Positive: a debit (the tenant pays more); negative: a credit.</summary>
    public decimal Amount { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class AdjustmentInputValidator : Validator<AdjustmentInput>
{
    public AdjustmentInputValidator()
    {
        RuleFor(x => x.Amount).NotEqual(0).InclusiveBetween(-1_000_000_000m, 1_000_000_000m);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(400);
    }
}

public sealed class StatementInput
{
    public Guid VendorId { get; set; }
    /// <summary>A calendar month, "2026-10"; or give from and to.</summary>
    public string? Month { get; set; }
    public DateOnly? From { get; set; }
    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly? To { get; set; }
    /// <summary>e.g. 0.06 for 6 %.</summary>
    public decimal? TaxRate { get; set; }
    public List<AdjustmentInput> Adjustments { get; set; } = [];
    /// <summary>One line per skill, tier, rate card and day rather than per skill, tier and rate card.</summary>
    public bool DailyLines { get; set; }
}

public sealed class StatementInputValidator : Validator<StatementInput>
{
    public StatementInputValidator()
    {
        RuleFor(x => x.VendorId).NotEmpty();
        RuleFor(x => x).Must(x => x.Month is not null ^ (x.From is not null && x.To is not null))
            .WithName("month").WithMessage("Give a month (yyyy-MM) or both from and to.");
        RuleFor(x => x.Month).Must(m => StatementOperations.ParseMonth(m) is not null).When(x => x.Month is not null)
            .WithMessage("Give the month as yyyy-MM, e.g. 2026-10.");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
        RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber < 366)
            .WithName("to").WithMessage("A statement covers at most a year.");
        RuleFor(x => x.TaxRate).InclusiveBetween(0, 1).Must(t => t is null || decimal.Round(t.Value, 6) == t.Value)
            .WithMessage("Give the tax rate as a fraction with at most six decimals, e.g. 0.06.");
        RuleFor(x => x.Adjustments).NotNull().Must(a => a.Count <= 50).WithMessage("At most 50 adjustments.");
        RuleForEach(x => x.Adjustments).NotNull().SetValidator(new AdjustmentInputValidator());
    }
}

/// <summary>A regenerated draft: volumes and rate cards are read again; tax and adjustments are replaced by these.</summary>
public sealed class RegenerateInput
{
    [JsonRequired] public decimal? TaxRate { get; set; }
    [JsonRequired] public List<AdjustmentInput> Adjustments { get; set; } = [];
    public bool DailyLines { get; set; }
}

public sealed record StatementLineResponse(
    int Position, StatementLineKind Kind, string? Skill, string? SkillName, Guid? RateCardId, DateOnly From, DateOnly To,
    int? Tier, long TierFrom, long? TierTo, long Contacts, decimal UnitPrice, decimal Amount);

public sealed record StatementAdjustmentResponse(decimal Amount, string Reason);

public sealed record StatementResponse(
    Guid Id, Guid VendorId, string VendorName, DateOnly PeriodStart, DateOnly PeriodEnd, string Currency, StatementStatus Status,
    string? Number, decimal? TaxRate, long Contacts, decimal Subtotal, decimal AdjustmentsTotal, decimal TaxAmount, decimal Total,
    decimal? CostPerContact, QualityFigures Quality, int LineCount, string? ContentHash,
    DateTimeOffset GeneratedAt, DateTimeOffset? IssuedAt, string? IssuedBy, DateTimeOffset? VoidedAt, string? VoidedBy, string? VoidReason);

public sealed record StatementDetail(StatementResponse Statement, IReadOnlyList<StatementLineResponse> Lines, IReadOnlyList<StatementAdjustmentResponse> Adjustments);

/// <summary>Statements: drafted from volumes and rate cards, issued once (numbered, hashed, PDF stored), voided with a reason.</summary>
public sealed class StatementOperations(AppDbContext db, AccessScopeAccessor scope, Webhooks.WebhookOutbox webhooks, TimeProvider clock)
{
    public async Task<Statement> GenerateAsync(StatementInput input, CancellationToken ct)
    {
        var (start, end) = Period(input);
        if (!await db.Vendors.AnyAsync(v => v.Id == input.VendorId, ct)) throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        var clash = await db.Statements.AsNoTracking()
            .Where(s => s.VendorId == input.VendorId && s.Status != StatementStatus.Void && s.PeriodStart <= end && s.PeriodEnd >= start)
            .Select(s => new { s.Id, s.Number, s.Status, s.PeriodStart, s.PeriodEnd })
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
            throw RuleViolation.Conflict("month", BillingRules.StatementOverlap(clash.Number ?? clash.Id.ToString(), clash.Status, clash.PeriodStart, clash.PeriodEnd));
        var statement = new Statement
        {
            TenantId = scope.Required.TenantId, VendorId = input.VendorId, PeriodStart = start, PeriodEnd = end, Currency = "",
            OpenPeriod = $"{Iso(start)}/{Iso(end)}",
        };
        await FillAsync(statement, input.TaxRate, input.Adjustments, input.DailyLines, ct);
        db.Statements.Add(statement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Hosting.ApiErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw RuleViolation.Conflict("month", BillingRules.StatementRace);
        }
        return statement;
    }

    public async Task<Statement> RegenerateAsync(Guid id, RegenerateInput input, CancellationToken ct)
    {
        var statement = await LoadAsync(id, ct);
        if (statement.Status != StatementStatus.Draft)
            throw RuleViolation.Conflict("status", BillingRules.OnlyDraftRegenerated(statement.Number, statement.Status));
        db.StatementLines.RemoveRange(statement.Lines);
        db.StatementAdjustments.RemoveRange(statement.Adjustments);
        statement.Lines = [];
        statement.Adjustments = [];
        await FillAsync(statement, input.TaxRate, input.Adjustments, input.DailyLines, ct);
        // New rows with their keys already set would otherwise be taken for existing ones.
        db.StatementLines.AddRange(statement.Lines);
        db.StatementAdjustments.AddRange(statement.Adjustments);
        statement.Revision++;
        await db.SaveChangesAsync(ct);
        return statement;
    }

    /// <summary>
    /// Numbers the draft (per tenant and local year, gap-free), fixes its content hash and stores its PDF, all in one save.
    /// Two issues racing for the next number both read the same counter; the loser's save finds it changed and retries.
    /// </summary>
    public async Task<Statement> IssueAsync(Guid id, decimal expectedTotal, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var statement = await LoadAsync(id, ct);
            if (statement.Status != StatementStatus.Draft)
                throw RuleViolation.Conflict("status", BillingRules.Already(statement.Status, statement.Number));
            if (statement.Total != expectedTotal)
                throw RuleViolation.Conflict("expectedTotal", BillingRules.TotalChanged(Money.Plain(statement.Total, statement.Currency), expectedTotal.ToString(CultureInfo.InvariantCulture)));
            var now = clock.GetUtcNow();
            var zone = await db.TenantZoneAsync(ct);
            var year = TenantTime.ToLocal(now, zone).Year;
            var counter = await db.StatementCounters.SingleOrDefaultAsync(c => c.Year == year, ct);
            if (counter is null)
            {
                counter = new StatementCounter { TenantId = statement.TenantId, Year = year };
                db.StatementCounters.Add(counter);
            }
            counter.Last++;
            statement.Status = StatementStatus.Issued;
            statement.NumberYear = year;
            statement.NumberSequence = counter.Last;
            statement.Number = string.Create(CultureInfo.InvariantCulture, $"{year}-{counter.Last:0000}");
            statement.IssuedAt = now;
            statement.IssuedBy = scope.Required.ActorName;
            statement.Revision++;
            var model = StatementModel.From(statement, zone);
            statement.ContentHash = Convert.ToHexStringLower(SHA256.HashData(StatementCsv.Write(model)));
            db.StatementDocuments.Add(new StatementDocument
            {
                Id = statement.Id, TenantId = statement.TenantId, VendorId = statement.VendorId, IssuedPdf = StatementPdf.Render(model),
            });
            await RaiseAsync(Webhooks.WebhookEvents.StatementIssued, statement, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return statement;
            }
            catch (DbUpdateException e) when (attempt < 20 && (e is DbUpdateConcurrencyException || Hosting.ApiErrors.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), ct);
            }
        }
    }

    public async Task<Statement> VoidAsync(Guid id, string reason, CancellationToken ct)
    {
        var statement = await LoadAsync(id, ct);
        if (statement.Status == StatementStatus.Void) throw RuleViolation.Conflict("status", BillingRules.AlreadyVoid);
        statement.Status = StatementStatus.Void;
        statement.OpenPeriod = null;
        statement.VoidedAt = clock.GetUtcNow();
        statement.VoidedBy = scope.Required.ActorName;
        statement.VoidReason = reason.Trim();
        statement.Revision++;
        if (statement.Number is not null)
        {
            var document = await db.StatementDocuments.SingleAsync(d => d.Id == id, ct);
            document.VoidPdf = StatementPdf.Render(StatementModel.From(statement, await db.TenantZoneAsync(ct)));
        }
        await RaiseAsync(Webhooks.WebhookEvents.StatementVoided, statement, ct);
        await db.SaveChangesAsync(ct);
        return statement;
    }

    private Task RaiseAsync(string type, Statement s, CancellationToken ct) =>
        webhooks.RaiseAsync(type, s.VendorId, new Webhooks.StatementData(s.Id, s.Number, s.VendorId,
            s.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            s.Currency, s.Total, JsonNamingPolicy.CamelCase.ConvertName(s.Status.ToString()), s.VoidReason), ct);

    /// <summary>An issued statement's stored bytes; a draft (or a voided draft) is drawn fresh, watermarked.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Guid id, CancellationToken ct)
    {
        var head = await db.Statements.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Status, s.Number, s.PeriodStart }).SingleOrDefaultAsync(ct) ?? throw new NotFound(Thing.Statement);
        var name = FileName(head.Number, head.PeriodStart, id, "pdf");
        if (head.Number is not null)
        {
            var document = await db.StatementDocuments.AsNoTracking().Where(d => d.Id == id)
                .Select(d => new { d.IssuedPdf, d.VoidPdf }).SingleAsync(ct);
            return (head.Status == StatementStatus.Void ? document.VoidPdf ?? document.IssuedPdf : document.IssuedPdf, name);
        }
        return (StatementPdf.Render(StatementModel.From(await LoadAsync(id, ct, tracked: false), await db.TenantZoneAsync(ct))), name);
    }

    public async Task<(byte[] Csv, string FileName)> CsvAsync(Guid id, CancellationToken ct)
    {
        var statement = await LoadAsync(id, ct, tracked: false);
        return (StatementCsv.Write(StatementModel.From(statement, await db.TenantZoneAsync(ct))), FileName(statement.Number, statement.PeriodStart, id, "csv"));
    }

    public async Task<StatementDetail?> DetailAsync(Guid id, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().AsSplitQuery().Include(s => s.Lines).Include(s => s.Adjustments)
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return null;
        return new StatementDetail(Response(statement, statement.Lines.Count),
            [.. statement.Lines.OrderBy(l => l.Position).Select(l => new StatementLineResponse(l.Position, l.Kind, l.SkillCode, l.SkillName, l.RateCardId,
                l.From, l.To, l.Tier, l.TierFrom, l.TierTo, l.Contacts, l.UnitPrice, l.Amount))],
            [.. statement.Adjustments.OrderBy(a => a.Position).Select(a => new StatementAdjustmentResponse(a.Amount, a.Reason))]);
    }

    public static StatementResponse Response(Statement s, int lineCount) => new(
        s.Id, s.VendorId, s.VendorName, s.PeriodStart, s.PeriodEnd, s.Currency, s.Status, s.Number, s.TaxRate, s.Contacts,
        s.Subtotal, s.AdjustmentsTotal, s.TaxAmount, s.Total, CostPerContact(s), Quality(s), lineCount, s.ContentHash,
        s.GeneratedAt, s.IssuedAt, s.IssuedBy, s.VoidedAt, s.VoidedBy, s.VoidReason);

    /// <summary>Net of tax, to four decimals; null without contacts.</summary>
    public static decimal? CostPerContact(Statement s) =>
        s.Contacts == 0 ? null : Math.Round((s.Subtotal + s.AdjustmentsTotal) / s.Contacts, 4, MidpointRounding.AwayFromZero);

    public static QualityFigures Quality(Statement s) => new(s.Offered, s.Answered,
        s.Offered is > 0 && s.Answered is { } answered ? Math.Round((decimal)answered / s.Offered.Value, 4, MidpointRounding.AwayFromZero) : null,
        s.AverageHandleSeconds, s.Complaints,
        s.Complaints is { } complaints && s.Contacts > 0 ? Math.Round((decimal)complaints / s.Contacts, 6, MidpointRounding.AwayFromZero) : null);

    public static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;

    private static (DateOnly Start, DateOnly End) Period(StatementInput input)
    {
        if (input.Month is not null)
        {
            var first = ParseMonth(input.Month) ?? throw new RuleViolation("month", BillingRules.MonthFormat);
            return (first, first.AddMonths(1).AddDays(-1));
        }
        return (input.From!.Value, input.To!.Value);
    }

    private async Task FillAsync(Statement statement, decimal? taxRate, IReadOnlyList<AdjustmentInput> adjustments, bool dailyLines, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == statement.TenantId, ct);
        var vendorName = await db.Vendors.Where(v => v.Id == statement.VendorId).Select(v => v.Name).SingleAsync(ct);
        var currency = tenant.Currency;
        foreach (var (a, i) in adjustments.Select((a, i) => (a, i)))
            if (Money.Round(a.Amount, currency) != a.Amount)
                throw new RuleViolation($"adjustments[{i}].amount", BillingRules.AmountDecimals(currency, Money.Decimals(currency)));

        var (start, end) = (statement.PeriodStart, statement.PeriodEnd);
        var cards = await db.RateCards.AsNoTracking()
            .Where(c => c.VendorId == statement.VendorId && c.EffectiveFrom <= end && (c.EffectiveTo == null || c.EffectiveTo >= start))
            .ToListAsync(ct);
        if (cards.FirstOrDefault(c => c.Currency != currency) is { } foreign)
            throw new RuleViolation("vendorId", BillingRules.ForeignCard(foreign.EffectiveFrom, foreign.Currency, currency));
        var days = await VolumeFigures.DaysAsync(db, statement.VendorId, start, end, ct);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, s => new SkillLabel(s.Code, s.Name), ct);
        var calculation = StatementCalculator.Calculate(start, end, currency, [.. cards.Select(PricedCard.Of)],
            days.Select(d => new DailyVolume(d.SkillId, d.Date, d.Handled)), skills, dailyLines);
        if (calculation.Unpriced.Count > 0)
        {
            var missing = calculation.Unpriced.GroupBy(u => u.SkillCode)
                .Select(g => BillingRules.UnpricedSkill(g.Key, g.Count(), g.Min(u => u.Date), Money.Count(g.Sum(u => u.Contacts))));
            throw new RuleViolation("vendorId", BillingRules.Unpriced([.. missing]));
        }

        statement.Currency = currency;
        statement.TenantName = tenant.Name;
        statement.VendorName = vendorName;
        statement.DailyLines = dailyLines;
        statement.TaxRate = taxRate;
        statement.GeneratedAt = clock.GetUtcNow();
        statement.Lines = [.. calculation.Lines.Select((l, i) => new StatementLine
        {
            TenantId = statement.TenantId, VendorId = statement.VendorId, StatementId = statement.Id, Position = i + 1, Kind = l.Kind,
            SkillCode = l.SkillCode, SkillName = l.SkillName, RateCardId = l.RateCardId, From = l.From, To = l.To, Tier = l.Tier,
            TierFrom = l.TierFrom, TierTo = l.TierTo, Contacts = l.Contacts, UnitPrice = l.UnitPrice, Amount = l.Amount,
        })];
        statement.Adjustments = [.. adjustments.Select((a, i) => new StatementAdjustment
        {
            TenantId = statement.TenantId, VendorId = statement.VendorId, StatementId = statement.Id, Position = i + 1,
            Amount = a.Amount, Reason = a.Reason.Trim(),
        })];
        var quality = QualityFigures.Of(days);
        statement.Contacts = calculation.Contacts;
        statement.Offered = quality.Offered;
        statement.Answered = quality.Answered;
        statement.AverageHandleSeconds = quality.AverageHandleSeconds;
        statement.Complaints = quality.Complaints;
        Totals(statement, calculation.Subtotal, statement.Adjustments.Sum(a => a.Amount), taxRate, currency);
    }

    /// <summary>Lines and adjustments are already rounded; tax is rounded once, on the net amount.</summary>
    public static void Totals(Statement statement, decimal subtotal, decimal adjustments, decimal? taxRate, string currency)
    {
        statement.Subtotal = subtotal;
        statement.AdjustmentsTotal = adjustments;
        statement.TaxAmount = taxRate is { } rate ? Money.Round((subtotal + adjustments) * rate, currency) : 0m;
        statement.Total = subtotal + adjustments + statement.TaxAmount;
    }

    private async Task<Statement> LoadAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var query = db.Statements.AsSplitQuery().Include(s => s.Lines).Include(s => s.Adjustments).Where(s => s.Id == id);
        if (!tracked) query = query.AsNoTracking();
        return await query.SingleOrDefaultAsync(ct) ?? throw new NotFound(Thing.Statement);
    }

    private static string FileName(string? number, DateOnly start, Guid id, string extension) =>
        number is not null ? $"statement-{number}.{extension}" : $"statement-draft-{start.ToString("yyyy-MM", CultureInfo.InvariantCulture)}-{id.ToString()[..8]}.{extension}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
