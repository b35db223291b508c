namespace VendorPortal.Web.Features.Users;

/// <summary>The rules of members and invitations. Texts in Resources/RuleMessages*.resx.</summary>
public static class UserRules
{
    public static RuleError VendorOnlyForManagers => new("user.vendor_only_for_managers");
    public static RuleError NotYourself => new("user.not_yourself");
    public static RuleError LastAdmin => new("user.last_admin");
    public static RuleError AlreadyMember(string email) => new("invitation.already_member", email);
    public static RuleError AlreadyInvited(string email) => new("invitation.already_invited", email);
    public static RuleError InvitationLinkInvalid => new("invitation.link_invalid");
    public static RuleError InvitationUsed => new("invitation.used");
    public static RuleError LockedOut => new("invitation.locked_out");
    public static RuleError WrongPassword => new("invitation.wrong_password");
    public static RuleError YouAreMember => new("invitation.you_are_member");
}
