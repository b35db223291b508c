using VendorPortal.Web.Features.Users;

namespace VendorPortal.Web.Features.Tenants;

public sealed class NewTenantInput
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "USD";
    public string AdminEmail { get; set; } = "";
    public string Language { get; set; } = "en";
}

public sealed class NewTenantInputValidator : Validator<NewTenantInput>
{
    public NewTenantInputValidator()
    {
        RuleFor(x => x.Slug).NotEmpty().Length(2, 40).Matches("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
            .WithMessage("Use lower-case letters, digits and inner hyphens, e.g. acme-cs.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.TimeZone).Must(TenantSettingsValidator.IsTimeZone).WithMessage("Use an IANA time zone such as Asia/Shanghai.");
        RuleFor(x => x.Currency).Must(Currencies.IsKnown).WithMessage("Use an ISO 4217 currency code such as CNY.");
        RuleFor(x => x.AdminEmail).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(x => x.Language).Must(l => l is "en" or "zh-CN").WithMessage("Language must be en or zh-CN.");
    }
}

public sealed record NewTenantResponse(Guid Id, string Slug, string Name, string TimeZone, string Currency, Guid AdminInvitationId);

/// <summary>Platform-operator work: a tenant is created outside any scope, then its first admin is invited inside it.</summary>
public sealed class TenantOperations(AppDbContext db, AccessScopeAccessor scope, InvitationOperations invitations)
{
    public async Task<NewTenantResponse> CreateAsync(NewTenantInput input, string operatorName, CancellationToken ct)
    {
        if (await db.Tenants.AnyAsync(t => t.Slug == input.Slug, ct))
            throw RuleViolation.Conflict("slug", TenantRules.SlugTaken(input.Slug));
        var tenant = new Tenant
        {
            Slug = input.Slug,
            Name = input.Name.Trim(),
            TimeZone = input.TimeZone,
            Currency = input.Currency,
        };
        // The new tenant's scope is set before the save, so the tenant's creation is audited in its own trail.
        scope.Set(new AccessScope(tenant.Id, tenant.Slug, Identity.TenantRole.TenantAdmin, null, null, null, operatorName));
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);

        var invitation = await invitations.CreateAsync(
            new InvitationInput { Email = input.AdminEmail, Role = Identity.TenantRoles.TenantAdmin, Language = input.Language }, ct);
        return new NewTenantResponse(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZone, tenant.Currency, invitation.Id);
    }
}
