using VendorPortal.Web.Features.Skills;

namespace VendorPortal.Web.Features.Billing;

public sealed class RateCardInput
{
    public Guid VendorId { get; set; }
    /// <summary>Skill code; leave empty for a card that prices every skill without a card of its own.</summary>
    public string? Skill { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Last day the card applies (inclusive); empty for open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>Graduated tiers in order; every tier but the last has upTo (contacts counted from the period start).</summary>
    public List<RateTier> Tiers { get; set; } = [];
    public decimal? MonthlyMinimum { get; set; }
    public string? Notes { get; set; }
}

public sealed class RateCardInputValidator : Validator<RateCardInput>
{
    public const decimal MaxPrice = 1_000_000m;

    public RateCardInputValidator()
    {
        RuleFor(x => x.VendorId).NotEmpty();
        RuleFor(x => x.Skill).MaximumLength(40);
        RuleFor(x => x.EffectiveFrom).NotEmpty();
        RuleFor(x => x.EffectiveTo).GreaterThanOrEqualTo(x => x.EffectiveFrom).When(x => x.EffectiveTo is not null)
            .WithMessage("The card must end on or after the day it starts.");
        RuleFor(x => x.Tiers).NotNull().Must(t => t.Count is >= 1 and <= 20).WithMessage("Give one to twenty tiers.");
        RuleForEach(x => x.Tiers).ChildRules(t =>
        {
            t.RuleFor(x => x.UnitPrice).InclusiveBetween(0, MaxPrice).Must(HasAtMostFourDecimals)
                .WithMessage("A price per contact has at most four decimal places.");
            t.RuleFor(x => x.UpTo).GreaterThan(0);
        });
        RuleFor(x => x.Tiers).Must(TiersAreGraduated).When(x => x.Tiers is { Count: > 0 })
            .WithMessage("Every tier but the last needs upTo, rising from tier to tier; the last tier has no upTo.");
        RuleFor(x => x.MonthlyMinimum).InclusiveBetween(0, 100_000_000m).Must(m => m is null || HasAtMostFourDecimals(m.Value));
        RuleFor(x => x.Notes).MaximumLength(1000);
    }

    public static bool HasAtMostFourDecimals(decimal value) => decimal.Round(value, 4) == value;

    private static bool TiersAreGraduated(List<RateTier> tiers)
    {
        long previous = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] is null) return false;
            var last = i == tiers.Count - 1;
            if (last) return tiers[i].UpTo is null;
            if (tiers[i].UpTo is not { } upTo || upTo <= previous) return false;
            previous = upTo;
        }
        return true;
    }
}

public sealed record RateCardResponse(
    Guid Id, Guid VendorId, string VendorName, string? Skill, string Currency, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    IReadOnlyList<RateTier> Tiers, decimal? MonthlyMinimum, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Rate cards: kept by finance, read by the vendor they price. Shared by the API and the portal.</summary>
public sealed class RateCardOperations(AppDbContext db, AccessScopeAccessor scope, TimeProvider clock)
{
    public async Task<RateCard> CreateAsync(RateCardInput input, CancellationToken ct)
    {
        if (!await db.Vendors.AnyAsync(v => v.Id == input.VendorId, ct)) throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == scope.Required.TenantId, ct);
        var now = clock.GetUtcNow();
        var card = new RateCard { TenantId = tenant.Id, VendorId = input.VendorId, Currency = tenant.Currency };
        await ApplyAsync(card, input, tenant.Currency, now, ct);
        db.RateCards.Add(card);
        await db.SaveChangesAsync(ct);
        return card;
    }

    public async Task<RateCard> UpdateAsync(Guid id, RateCardInput input, CancellationToken ct)
    {
        var card = await db.RateCards.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFound(Thing.RateCard);
        if (input.VendorId != card.VendorId) throw new RuleViolation("vendorId", BillingRules.CardVendorFixed);
        await ApplyAsync(card, input, card.Currency, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return card;
    }

    public async Task<List<RateCardResponse>> ResponsesAsync(IQueryable<RateCard> cards, CancellationToken ct)
    {
        var rows = await cards.AsNoTracking().ToListAsync(ct);
        var codes = await SkillCodes.ByIdAsync(db, ct);
        var vendorIds = rows.Select(r => r.VendorId).Distinct().ToList();
        var vendors = await db.Vendors.Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return [.. rows.Select(c => new RateCardResponse(c.Id, c.VendorId, vendors.GetValueOrDefault(c.VendorId, "?"),
            c.SkillId is { } s ? codes.GetValueOrDefault(s, "?") : null, c.Currency, c.EffectiveFrom, c.EffectiveTo, c.Tiers,
            c.MonthlyMinimum, c.Notes, c.CreatedAt, c.UpdatedAt))];
    }

    public async Task<RateCardResponse?> FindAsync(Guid id, CancellationToken ct) =>
        (await ResponsesAsync(db.RateCards.Where(c => c.Id == id), ct)).SingleOrDefault();

    private async Task ApplyAsync(RateCard card, RateCardInput input, string currency, DateTimeOffset now, CancellationToken ct)
    {
        Guid? skillId = string.IsNullOrWhiteSpace(input.Skill) ? null : (await SkillCodes.ResolveAsync(db, [input.Skill], "skill", ct)).Single();
        if (input.MonthlyMinimum is { } minimum && Money.Round(minimum, currency) != minimum)
            throw new RuleViolation("monthlyMinimum", BillingRules.MinimumDecimals(currency, Money.Decimals(currency)));
        var to = input.EffectiveTo ?? DateOnly.MaxValue;
        var clash = await db.RateCards.AsNoTracking()
            .Where(c => c.VendorId == card.VendorId && c.SkillId == skillId && c.Id != card.Id
                && c.EffectiveFrom <= to && (c.EffectiveTo == null || c.EffectiveTo >= input.EffectiveFrom))
            .OrderBy(c => c.EffectiveFrom)
            .Select(c => new { c.EffectiveFrom, c.EffectiveTo })
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
            throw RuleViolation.Conflict("effectiveFrom",
                BillingRules.CardOverlap(skillId is null ? null : input.Skill!.Trim().ToUpperInvariant(), clash.EffectiveFrom, clash.EffectiveTo));
        card.SkillId = skillId;
        card.EffectiveFrom = input.EffectiveFrom;
        card.EffectiveTo = input.EffectiveTo;
        card.Tiers = [.. input.Tiers.Select(t => new RateTier(t.UpTo, t.UnitPrice))];
        card.MonthlyMinimum = input.MonthlyMinimum;
        card.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }
}
