namespace VendorPortal.Web.Features.Tenants;

/// <summary>The rules of tenants. Texts in Resources/RuleMessages*.resx.</summary>
public static class TenantRules
{
    public static RuleError SlugTaken(string slug) => new("tenant.slug_taken", slug);
}
