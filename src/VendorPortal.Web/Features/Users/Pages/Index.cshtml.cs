using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VendorPortal.Web.Features.Identity;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Hosting;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace VendorPortal.Web.Features.Users.Pages;

public sealed record MemberRow(string DisplayName, string Email, TenantRole Role, string? VendorName, bool LockedOut, DateTimeOffset Since);

public sealed record PendingInvitation(string Email, TenantRole Role, string? VendorName, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? EmailSentAt);

public sealed record VendorOption(Guid Id, string Name);

[Authorize(Roles = TenantRoles.TenantAdmin)]
public sealed class IndexModel(
    AppDbContext db, InvitationOperations invitations, TenantSettingsOperations settings, TimeProvider clock,
    IStringLocalizer<SharedResource> T) : PageModel
{
    private const int InvitationLimit = 50;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public InvitationInput Input { get; set; } = new();

    public Paged<MemberRow> Members { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<PendingInvitation> Invitations { get; private set; } = [];
    public IReadOnlyList<VendorOption> Vendors { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;

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
                ModelState.Add(rule, nameof(Input), T, Message(rule));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private string? Message(RuleViolation rule)
    {
        var email = Input.Email.Trim().ToLowerInvariant();
        if (rule.Field != "email") return null;
        if (rule.Message.EndsWith(" is already a member of this tenant.", StringComparison.Ordinal))
            return T["{0} is already a member of this tenant.", email];
        if (rule.Message.EndsWith(" already has an open invitation.", StringComparison.Ordinal))
            return T["{0} already has an open invitation.", email];
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        Members = await db.Memberships.AsNoTracking()
            .OrderBy(m => m.User!.DisplayName).ThenBy(m => m.User!.Email)
            .Select(m => new MemberRow(m.User!.DisplayName, m.User.Email!, m.Role,
                m.Vendor == null ? null : m.Vendor.Name, m.User.LockoutEnd != null && m.User.LockoutEnd > now, m.CreatedAt))
            .ToPageAsync(PortalPageRequest.Of(PageNumber, PageSize), ct);
        Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Take(PageRequest.MaxPageSize)
            .Select(v => new VendorOption(v.Id, v.Name)).ToListAsync(ct);
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).Take(InvitationLimit)
            .ToListAsync(ct);
        var names = Vendors.ToDictionary(v => v.Id, v => v.Name);
        Invitations = [.. open.Select(i => new PendingInvitation(i.Email, i.Role,
            i.VendorId is { } id && names.TryGetValue(id, out var name) ? name : null,
            i.Language, i.CreatedAt, i.ExpiresAt, i.EmailSentAt))];
    }
}
