using Microsoft.AspNetCore.Identity;

namespace VendorPortal.Web.Features.Users;

/// <summary>A change to one person's membership: any of role (with vendor for vendor managers) and disabled.</summary>
public sealed class UserChange
{
    public string? Role { get; set; }
    public Guid? VendorId { get; set; }
    public bool? Disabled { get; set; }
}

public sealed class UserChangeValidator : Validator<UserChange>
{
    public UserChangeValidator()
    {
        RuleFor(x => x).Must(x => x.Role is not null || x.VendorId is not null || x.Disabled is not null)
            .OverridePropertyName("role").WithMessage("Say what changes: role (and vendorId), or disabled.");
        RuleFor(x => x.Role).Must(r => TenantRoles.All.Contains(r)).When(x => x.Role is not null)
            .WithMessage($"Role must be one of {string.Join(", ", TenantRoles.All)}.");
        RuleFor(x => x.VendorId).NotEmpty().When(x => x.Role == TenantRoles.VendorManager)
            .WithMessage("A vendor manager must be bound to a vendor.");
        RuleFor(x => x.VendorId).Empty().When(x => x.Role is not null && x.Role != TenantRoles.VendorManager)
            .WithMessage("Only vendor managers are bound to a vendor.");
    }
}

public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, string Role, Guid? VendorId, bool Disabled);

/// <summary>
/// Taking access away: role changes, disabling and removal. Each one also renews the person's security stamp,
/// so every cookie, bearer and refresh token they hold is refused on its next use, on every node.
/// </summary>
public sealed class UserOperations(AppDbContext db, AccessScopeAccessor scope, UserManager<User> users, TimeProvider clock)
{
    public async Task<MemberResponse> ChangeAsync(Guid userId, UserChange change, CancellationToken ct)
    {
        var membership = await FindAsync(userId, ct);
        var role = change.Role is null ? membership.Role : Enum.Parse<TenantRole>(change.Role);
        var vendorId = role == TenantRole.VendorManager ? change.VendorId ?? membership.VendorId : null;
        if (change.Role is null && change.VendorId is not null && membership.Role != TenantRole.VendorManager)
            throw new RuleViolation("vendorId", UserRules.VendorOnlyForManagers);
        if (vendorId is { } vendor && vendor != membership.VendorId && !await db.Vendors.AnyAsync(v => v.Id == vendor, ct))
            throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        var disabled = change.Disabled ?? membership.DisabledAt is not null;

        if (role != TenantRole.TenantAdmin || disabled)
            await GuardAdminAsync(membership, change.Role is not null && role != membership.Role ? "role" : "disabled", ct);

        var changed = role != membership.Role || vendorId != membership.VendorId || disabled != (membership.DisabledAt is not null);
        membership.Role = role;
        membership.VendorId = vendorId;
        if (disabled != (membership.DisabledAt is not null)) membership.DisabledAt = disabled ? clock.GetUtcNow() : null;
        if (changed) await RevokeAsync(membership.User!);
        return Response(membership);
    }

    public async Task RemoveAsync(Guid userId, CancellationToken ct)
    {
        var membership = await FindAsync(userId, ct);
        await GuardAdminAsync(membership, "userId", ct);
        db.Memberships.Remove(membership);
        await RevokeAsync(membership.User!);
    }

    private async Task<Membership> FindAsync(Guid userId, CancellationToken ct) =>
        await db.Memberships.Include(m => m.User).SingleOrDefaultAsync(m => m.UserId == userId, ct) ?? throw new NotFound(Thing.User);

    /// <summary>An admin cannot lock themselves out, and a tenant never loses its last enabled admin.</summary>
    private async Task GuardAdminAsync(Membership membership, string field, CancellationToken ct)
    {
        if (membership.UserId == scope.Required.UserId)
            throw RuleViolation.Conflict(field, UserRules.NotYourself);
        if (membership.Role == TenantRole.TenantAdmin && membership.DisabledAt is null
            && !await db.Memberships.AnyAsync(m => m.Role == TenantRole.TenantAdmin && m.DisabledAt == null && m.UserId != membership.UserId, ct))
            throw RuleViolation.Conflict(field, UserRules.LastAdmin);
    }

    /// <summary>Saves the membership change (audited) and the new stamp in one save.</summary>
    private async Task RevokeAsync(User user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static MemberResponse Response(Membership m) =>
        new(m.UserId, m.User!.Email!, m.User.DisplayName, m.Role.ToString(), m.VendorId, m.DisabledAt is not null);
}
