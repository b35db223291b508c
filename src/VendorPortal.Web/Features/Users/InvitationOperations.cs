using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Users;

public sealed class InvitationInput
{
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid? VendorId { get; set; }
    /// <summary>"en" or "zh-CN": the language of the e-mail and of the new account.</summary>
    public string Language { get; set; } = "en";
}

public sealed class InvitationInputValidator : Validator<InvitationInput>
{
    public InvitationInputValidator()
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(x => x.Role).NotEmpty().Must(r => TenantRoles.All.Contains(r))
            .WithMessage($"Role must be one of {string.Join(", ", TenantRoles.All)}.");
        RuleFor(x => x.VendorId).NotEmpty().When(x => x.Role == TenantRoles.VendorManager)
            .WithMessage("A vendor manager must be bound to a vendor.");
        RuleFor(x => x.VendorId).Empty().When(x => x.Role != TenantRoles.VendorManager)
            .WithMessage("Only vendor managers are bound to a vendor.");
        RuleFor(x => x.Language).Must(l => l is "en" or "zh-CN").WithMessage("Language must be en or zh-CN.");
    }
}

public sealed record InvitationResponse(
    Guid Id, string Email, string Role, Guid? VendorId, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? EmailSentAt, DateTimeOffset? AcceptedAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<Invitation, InvitationResponse>> Projection = i =>
        new InvitationResponse(i.Id, i.Email, i.Role.ToString(), i.VendorId, i.Language, i.CreatedAt, i.ExpiresAt, i.EmailSentAt, i.AcceptedAt);

    private static readonly Func<Invitation, InvitationResponse> Map = Projection.Compile();
    public static InvitationResponse From(Invitation i) => Map(i);
}

public sealed record AcceptInvitationInput(string Token, string DisplayName, string Password);

/// <summary>Inviting people into a tenant and accepting those invitations: shared by the API and the portal.</summary>
public sealed class InvitationOperations(
    AppDbContext db,
    AccessScopeAccessor scope,
    UserManager<User> users,
    PasswordCheck passwords,
    IDataProtectionProvider protection,
    IBackgroundJobClient jobs,
    TimeProvider clock)
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    public async Task<Invitation> CreateAsync(InvitationInput input, CancellationToken ct)
    {
        var email = input.Email.Trim().ToLowerInvariant();
        var role = Enum.Parse<TenantRole>(input.Role);
        if (input.VendorId is { } vendorId && !await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        if (await db.Memberships.AnyAsync(m => m.User!.NormalizedEmail == email.ToUpperInvariant(), ct))
            throw RuleViolation.Conflict("email", UserRules.AlreadyMember(email));
        var now = clock.GetUtcNow();
        if (await db.Invitations.AnyAsync(i => i.Email == email && i.AcceptedAt == null && i.ExpiresAt > now, ct))
            throw RuleViolation.Conflict("email", UserRules.AlreadyInvited(email));

        var invitation = new Invitation
        {
            Email = email,
            Role = role,
            VendorId = input.VendorId,
            Language = input.Language,
            InvitedByUserId = scope.Required.UserId,
            ExpiresAt = now + Validity,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<SendInvitationEmails>(j => j.RunAsync(invitation.TenantId, CancellationToken.None));
        return invitation;
    }

    /// <summary>
    /// The protector only makes the link unforgeable; its lifetime is the invitation's ExpiresAt, checked
    /// against the app's clock (a time-limited protector would read the machine's clock instead).
    /// </summary>
    public string TokenFor(Invitation invitation) =>
        Protector().Protect($"{invitation.TenantId:N}.{invitation.Id:N}");

    /// <summary>Reads a token without any scope: the token itself names the tenant, and it cannot be forged.</summary>
    public (Guid TenantId, Guid InvitationId)? ReadToken(string token)
    {
        try
        {
            var parts = Protector().Unprotect(token).Split('.');
            return (Guid.Parse(parts[0]), Guid.Parse(parts[1]));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Enters the invitation's tenant and returns the open invitation the token names.</summary>
    public async Task<(Invitation Invitation, Tenant Tenant)> OpenAsync(string token, CancellationToken ct)
    {
        if (ReadToken(token) is not { } ids) throw new RuleViolation("token", UserRules.InvitationLinkInvalid);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == ids.TenantId, ct)
            ?? throw new RuleViolation("token", UserRules.InvitationLinkInvalid);
        scope.Set(new AccessScope(tenant.Id, tenant.Slug, TenantRole.TenantAdmin, null, null, null, "invitation"));
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == ids.InvitationId, ct);
        if (invitation is null || !invitation.IsOpen(clock.GetUtcNow()))
            throw new RuleViolation("token", UserRules.InvitationUsed, StatusCodes.Status410Gone);
        return (invitation, tenant);
    }

    /// <summary>Accepts an invitation, creating the account when the e-mail has none yet.</summary>
    public async Task<User> AcceptAsync(AcceptInvitationInput input, User? signedIn, CancellationToken ct)
    {
        var (invitation, _) = await OpenAsync(input.Token, ct);
        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is null)
        {
            user = new User { UserName = invitation.Email, Email = invitation.Email, DisplayName = input.DisplayName.Trim(), Language = invitation.Language };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
                throw new RuleViolation("password", Identity.IdentityRules.PasswordRefused(created.Errors.Select(e => e.Description)));
        }
        else if (signedIn?.Id != user.Id)
        {
            // Counted like a sign-in: a leaked link must not become a way to guess an account's password.
            var (_, check) = await passwords.CheckAsync(invitation.Email, input.Password);
            if (check.IsLockedOut)
                throw new RuleViolation("password", UserRules.LockedOut, StatusCodes.Status401Unauthorized);
            if (!check.Succeeded)
                throw new RuleViolation("password", UserRules.WrongPassword, StatusCodes.Status401Unauthorized);
        }

        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
            throw RuleViolation.Conflict("email", UserRules.YouAreMember);
        db.Memberships.Add(new Membership { UserId = user.Id, Role = invitation.Role, VendorId = invitation.VendorId });
        invitation.AcceptedAt = clock.GetUtcNow();
        invitation.AcceptedByUserId = user.Id;
        await db.SaveChangesAsync(ct);
        return user;
    }

    private IDataProtector Protector() => protection.CreateProtector("VendorPortal.Invitations.v2");
}
