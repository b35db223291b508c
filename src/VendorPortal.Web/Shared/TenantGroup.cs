namespace VendorPortal.Web.Shared;

/// <summary>Every tenant-owned endpoint lives under /api/t/{tenant}; the tenant scope middleware guards the segment.</summary>
public sealed class TenantGroup : Group
{
    public TenantGroup() => Configure("t/{tenant}", _ => { });
}
