using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ListContactVolumesRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public string? Skill { get; set; }
    [QueryParam] public DateOnly? From { get; set; }
    [QueryParam] public DateOnly? To { get; set; }
}

public sealed class ListContactVolumesValidator : PageRequestValidator<ListContactVolumesRequest>;

public sealed class ListContactVolumes(AppDbContext db) : Endpoint<ListContactVolumesRequest, Paged<ContactVolumeResponse>>
{
    public override void Configure()
    {
        Get("contact-volumes");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "Lists contact volumes by date, skill and interval; filter by vendor, skill and local dates. Vendor managers see their own.");
    }

    public override async Task HandleAsync(ListContactVolumesRequest req, CancellationToken ct)
    {
        var query = db.ContactVolumes.AsQueryable();
        if (req.VendorId is { } vendorId) query = query.Where(v => v.VendorId == vendorId);
        if (!string.IsNullOrWhiteSpace(req.Skill))
        {
            var code = req.Skill.Trim().ToUpperInvariant();
            var skillId = await db.Skills.Where(s => s.Code == code).Select(s => s.Id).FirstOrDefaultAsync(ct);
            query = query.Where(v => v.SkillId == skillId);
        }
        if (req.From is { } from) query = query.Where(v => v.Date >= from);
        if (req.To is { } to) query = query.Where(v => v.Date <= to);
        query = query.OrderBy(v => v.Date).ThenBy(v => v.VendorId).ThenBy(v => v.SkillId).ThenBy(v => v.IntervalMinute);
        var total = await query.CountAsync(ct);
        var items = await ContactVolumeOperations.ResponsesAsync(db, query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<ContactVolumeResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
