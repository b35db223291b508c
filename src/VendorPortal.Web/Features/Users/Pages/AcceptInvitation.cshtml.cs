using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace VendorPortal.Web.Features.Users.Pages;

public sealed class AcceptForm
{
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

[AllowAnonymous]
[EnableRateLimiting(Hosting.Authentication.LoginRateLimit)]
public sealed class AcceptInvitationModel(
    AppDbContext db, InvitationOperations invitations, UserManager<User> users, SignInManager<User> signIn, PasswordCheck passwords,
    IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public AcceptForm Input { get; set; } = new();

    public string? Problem { get; private set; }
    public string TenantName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public TenantRole Role { get; private set; }
    public string? VendorName { get; private set; }
    public bool HasAccount { get; private set; }
    public bool SignedInAsInvitee { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            return await AcceptAsync(ct);
        }
        catch (TooManySignInAttempts many)
        {
            PasswordCheck.Refuse(Response, many);
            ModelState.AddModelError("Input.Password", T["Too many failed sign-ins for this account. Try again in {0} minutes.", many.Minutes]);
            return Page();
        }
    }

    private async Task<IActionResult> AcceptAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var signedIn = User.UserId() is null ? null : await users.GetUserAsync(User);
        if (!HasAccount)
        {
            if (string.IsNullOrWhiteSpace(Input.DisplayName))
                ModelState.AddModelError("Input.DisplayName", T["This field is required."]);
            else if (Input.DisplayName.Trim().Length > 200)
                ModelState.AddModelError("Input.DisplayName", T["Use at most {0} characters.", 200]);
            if (string.IsNullOrEmpty(Input.Password))
                ModelState.AddModelError("Input.Password", T["This field is required."]);
            else if (Input.Password != Input.ConfirmPassword)
                ModelState.AddModelError("Input.ConfirmPassword", T["The two passwords do not match."]);
        }
        else if (!SignedInAsInvitee)
        {
            var check = string.IsNullOrEmpty(Input.Password)
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : (await passwords.CheckAsync(Email, Input.Password)).Result;
            if (check.IsLockedOut)
                ModelState.AddModelError("Input.Password", Identity.IdentityRules.LockedOut.Text());
            else if (!check.Succeeded)
                ModelState.AddModelError("Input.Password", T["This e-mail already has an account: enter its password to accept."]);
        }
        if (!ModelState.IsValid) return Page();

        try
        {
            var user = await invitations.AcceptAsync(
                new AcceptInvitationInput(Token!, Input.DisplayName?.Trim() ?? "", Input.Password ?? ""), signedIn, ct);
            await signIn.SignInAsync(user, isPersistent: false);
            CultureCookie.Set(HttpContext, user.Language);
            return LocalRedirect($"/t/{db.Scope!.TenantSlug}");
        }
        catch (RuleViolation rule)
        {
            var hasPasswordField = !HasAccount || !SignedInAsInvitee;
            ModelState.AddModelError(rule.Field == "password" && hasPasswordField ? "Input.Password" : "", rule.Error.Text());
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            Problem = T["This invitation link is not valid or has expired."];
            return false;
        }
        try
        {
            var (invitation, tenant) = await invitations.OpenAsync(Token, ct);
            TenantName = tenant.Name;
            Email = invitation.Email;
            Role = invitation.Role;
            VendorName = invitation.VendorId is { } vendorId
                ? await db.Vendors.AsNoTracking().Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(ct)
                : null;
            var account = await users.FindByEmailAsync(invitation.Email);
            HasAccount = account is not null;
            SignedInAsInvitee = account is not null && User.UserId() == account.Id;
            return true;
        }
        catch (RuleViolation rule)
        {
            Problem = rule.Error.Text();
            return false;
        }
    }
}
