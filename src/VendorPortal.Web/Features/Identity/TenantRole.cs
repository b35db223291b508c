namespace VendorPortal.Web.Features.Identity;

public enum TenantRole
{
    TenantAdmin,
    Planner,
    Finance,
    VendorManager,
}

public static class TenantRoles
{
    public const string TenantAdmin = nameof(TenantRole.TenantAdmin);
    public const string Planner = nameof(TenantRole.Planner);
    public const string Finance = nameof(TenantRole.Finance);
    public const string VendorManager = nameof(TenantRole.VendorManager);
    public const string PlatformOperator = "PlatformOperator";

    public static readonly string[] All = [TenantAdmin, Planner, Finance, VendorManager];
}
