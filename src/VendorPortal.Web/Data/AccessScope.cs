
namespace VendorPortal.Web.Data;

/// <summary>
/// Who is acting, in which tenant, and (for vendor users) for which vendor.
/// Built once per request from the verified principal, or by a job from its tenant id.
/// </summary>
public sealed record AccessScope(
    Guid TenantId,
    string TenantSlug,
    TenantRole Role,
    Guid? VendorId,
    Guid? UserId,
    Guid? ApiKeyId,
    string ActorName)
{
    public bool IsVendor => VendorId is not null;

    public static AccessScope System(Guid tenantId, string tenantSlug, string job) =>
        new(tenantId, tenantSlug, TenantRole.TenantAdmin, null, null, null, $"system:{job}");
}

/// <summary>Holds the scope of the current request or job. It can be set once and never changed.</summary>
public sealed class AccessScopeAccessor
{
    public AccessScope? Current { get; private set; }

    public AccessScope Required =>
        Current ?? throw new InvalidOperationException("No access scope: this code needs a tenant.");

    public void Set(AccessScope scope)
    {
        if (Current is not null && Current != scope)
            throw new InvalidOperationException("The access scope is already set and cannot change.");
        Current = scope;
    }
}
