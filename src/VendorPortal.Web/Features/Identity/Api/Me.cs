using System.Security.Claims;

namespace VendorPortal.Web.Features.Identity.Api;

public sealed record MembershipResponse(string Tenant, string TenantName, string Role, Guid? VendorId, string? VendorName);

public sealed record MeResponse(
    Guid? Id, string? Email, string DisplayName, string Language, bool IsPlatformOperator,
    IReadOnlyList<MembershipResponse> Memberships);

public sealed class Me(AppDbContext db) : EndpointWithoutRequest<MeResponse>
{
    public override void Configure()
    {
        Get("me");
        Summary(s => s.Summary = "The signed-in user (or API key) and the tenants it can act in.");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (User.FindFirstValue(PortalClaims.ApiKeyId) is not null)
        {
            var tenantId = Guid.Parse(User.FindFirstValue(PortalClaims.TenantId)!);
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, ct);
            var vendor = User.FindFirstValue(PortalClaims.VendorId) is { } v ? Guid.Parse(v) : (Guid?)null;
            await Send.OkAsync(new MeResponse(null, null, User.Identity!.Name!, "en", false,
                [new MembershipResponse(tenant.Slug, tenant.Name, User.FindFirstValue(PortalClaims.KeyRole)!, vendor, null)]), ct);
            return;
        }

        var userId = User.UserId()!.Value;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        // Platform code: a person's memberships span tenants by nature.
        var memberships = await db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AsNoTracking()
            .Where(m => m.UserId == userId && m.DisabledAt == null)
            .OrderBy(m => m.Tenant!.Name)
            .Select(m => new MembershipResponse(m.Tenant!.Slug, m.Tenant.Name, m.Role.ToString(), m.VendorId, m.Vendor == null ? null : m.Vendor.Name))
            .ToListAsync(ct);
        await Send.OkAsync(new MeResponse(user.Id, user.Email, user.DisplayName, user.Language, user.IsPlatformOperator, memberships), ct);
    }
}
