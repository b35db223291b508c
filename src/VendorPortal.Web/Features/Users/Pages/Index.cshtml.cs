using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Users.Pages;

public sealed record VendorOption(Guid Id, string Name);

[Authorize(Policy = nameof(Permission.ManageUsers))]
public sealed class IndexModel(
    AppDbContext db, InvitationOperations invitations, UserOperations members, MemberList memberList, InvitationList invitationList,
    TenantSettingsOperations settings,
    IStringLocalizer<SharedResource> T) : PageModel
{
    private const int InvitationLimit = 50;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public InvitationInput Input { get; set; } = new();

    public Paged<MemberRow> Members { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];
    public IReadOnlyList<VendorOption> Vendors { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;
    public Guid? Me => User.UserId();
    /// <summary>Why a change to a member was refused, shown above the members.</summary>
    public string? MemberError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new InvitationInput { Role = TenantRoles.Planner, Language = Portal.CultureOf(CultureInfo.CurrentUICulture.Name) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (Input.Role != TenantRoles.VendorManager) Input.VendorId = null;
        if (ModelState.Validate(new InvitationInputValidator(), Input, nameof(Input), T))
        {
            try
            {
                var invitation = await invitations.CreateAsync(Input, ct);
                TempData["Flash"] = T["An invitation was sent to {0}.", invitation.Email].Value;
                return LocalRedirect($"/t/{tenant}/users");
            }
            catch (RuleViolation rule)
            {
                ModelState.Add(rule, nameof(Input));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(string tenant, Guid userId, string? role, Guid? vendorId, CancellationToken ct) =>
        ChangeAsync(tenant, userId, new UserChange { Role = role ?? "", VendorId = role == TenantRoles.VendorManager ? vendorId : null },
            T["The role was changed. The person's current sign-ins have ended."].Value, ct);

    public Task<IActionResult> OnPostDisableAsync(string tenant, Guid userId, CancellationToken ct) =>
        ChangeAsync(tenant, userId, new UserChange { Disabled = true }, T["The user was disabled in this tenant and signed out."].Value, ct);

    public Task<IActionResult> OnPostEnableAsync(string tenant, Guid userId, CancellationToken ct) =>
        ChangeAsync(tenant, userId, new UserChange { Disabled = false }, T["The user was enabled again."].Value, ct);

    public async Task<IActionResult> OnPostRemoveAsync(string tenant, Guid userId, CancellationToken ct)
    {
        try
        {
            await members.RemoveAsync(userId, ct);
            TempData["Flash"] = T["The user was removed from this tenant and signed out."].Value;
            return LocalRedirect($"/t/{tenant}/users");
        }
        catch (NotFound)
        {
            return NotFound();
        }
        catch (RuleViolation rule)
        {
            return await RefusedAsync(rule, ct);
        }
    }

    private async Task<IActionResult> ChangeAsync(string tenant, Guid userId, UserChange change, string done, CancellationToken ct)
    {
        var validation = new UserChangeValidator().Validate(change);
        if (!validation.IsValid)
        {
            MemberError = T[validation.Errors[0].ErrorMessage];
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            await members.ChangeAsync(userId, change, ct);
            TempData["Flash"] = done;
            return LocalRedirect($"/t/{tenant}/users");
        }
        catch (NotFound)
        {
            return NotFound();
        }
        catch (RuleViolation rule)
        {
            return await RefusedAsync(rule, ct);
        }
    }

    private async Task<IActionResult> RefusedAsync(RuleViolation rule, CancellationToken ct)
    {
        MemberError = rule.Error.Text();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        Members = await memberList.PageAsync(new MemberFilter(), PortalPageRequest.Of(PageNumber, PageSize), ct);
        Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Take(PageRequest.MaxPageSize)
            .Select(v => new VendorOption(v.Id, v.Name)).ToListAsync(ct);
        Invitations = (await invitationList.PageAsync(new InvitationFilter(OpenOnly: true), PortalPageRequest.Of(1, InvitationLimit), ct)).Items;
    }
}
