namespace VendorPortal.Web.Features.Vendors;

/// <summary>The rules of vendors. Texts in Resources/RuleMessages*.resx.</summary>
public static class VendorRules
{
    public static RuleError NoSuchVendor => new("vendor.no_such_vendor");
    public static RuleError Inactive(string name) => new("vendor.inactive", name);
    public static RuleError HasPeople => new("vendor.has_people");
    public static RuleError HasKeys => new("vendor.has_keys");
    public static RuleError HasBilling => new("vendor.has_billing");
    public static RuleError NameTaken(string name) => new("vendor.name_taken", name);
}
