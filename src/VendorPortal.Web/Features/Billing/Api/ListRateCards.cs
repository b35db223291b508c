using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ListRateCardsRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public string? Skill { get; set; }
    /// <summary>Only cards in effect on this local date.</summary>
    [QueryParam] public DateOnly? On { get; set; }
}

public sealed class ListRateCardsValidator : PageRequestValidator<ListRateCardsRequest>;

public sealed class ListRateCards(AppDbContext db, RateCardOperations cards) : Endpoint<ListRateCardsRequest, Paged<RateCardResponse>>
{
    public override void Configure()
    {
        Get("rate-cards");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "Lists rate cards by vendor, skill and start date; a vendor's managers see only their own.");
    }

    public override async Task HandleAsync(ListRateCardsRequest req, CancellationToken ct)
    {
        var query = db.RateCards.AsQueryable();
        if (req.VendorId is { } vendorId) query = query.Where(c => c.VendorId == vendorId);
        if (!string.IsNullOrWhiteSpace(req.Skill))
        {
            var code = req.Skill.Trim().ToUpperInvariant();
            var skillId = await db.Skills.Where(s => s.Code == code).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            query = query.Where(c => c.SkillId == skillId);
        }
        if (req.On is { } on) query = query.Where(c => c.EffectiveFrom <= on && (c.EffectiveTo == null || c.EffectiveTo >= on));
        query = query.OrderBy(c => c.VendorId).ThenBy(c => c.SkillId).ThenBy(c => c.EffectiveFrom).ThenBy(c => c.Id);
        var total = await query.CountAsync(ct);
        var items = await cards.ResponsesAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<RateCardResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
