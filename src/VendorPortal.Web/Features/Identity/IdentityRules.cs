namespace VendorPortal.Web.Features.Identity;

/// <summary>The rules of accounts and passwords. Texts in Resources/RuleMessages*.resx.</summary>
public static class IdentityRules
{
    public static RuleError ResetLinkInvalid => new("identity.reset_link_invalid");
    public static RuleError ResetLinkSpent => new("identity.reset_link_spent");
    /// <summary>ASP.NET Core Identity's own reasons for refusing a password, as its error describer words them.</summary>
    public static RuleError PasswordRefused(IEnumerable<string> reasons) => new("identity.password_refused", string.Join(" ", reasons));
}
