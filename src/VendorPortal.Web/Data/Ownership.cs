namespace VendorPortal.Web.Data;

/// <summary>A row that belongs to one tenant; the context filters and stamps it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>A row that also belongs to one vendor inside its tenant.</summary>
public interface IVendorOwned : ITenantOwned
{
    Guid VendorId { get; set; }
}

/// <summary>Writes to rows of this type are recorded in the audit trail.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>
/// A row of the tenant that may belong to one vendor: null is the tenant's own, which vendor users never see;
/// a vendor user sees and writes only rows of their vendor, and the rows they create carry it.
/// </summary>
public interface IVendorOptional : ITenantOwned
{
    Guid? VendorId { get; set; }
}
