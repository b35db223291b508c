using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorPortal.Web.Features.Identity;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.Dashboard.Pages;

public sealed record RecentChange(DateTimeOffset At, string Actor, string Action, string EntityType);

public sealed class DashboardModel(AppDbContext db, TenantSettingsOperations settings, TimeProvider clock) : PageModel
{
    private const int ListLimit = 12;

    public Tenant Tenant { get; private set; } = null!;
    public TenantTime Time { get; private set; } = TenantTime.Utc;
    public AccessScope Scope { get; private set; } = null!;
    public int VendorCount { get; private set; }
    public int ActiveVendorCount { get; private set; }
    public IReadOnlyList<VendorResponse> Vendors { get; private set; } = [];
    public int SkillCount { get; private set; }
    public IReadOnlyList<SkillResponse> Skills { get; private set; } = [];
    public int MemberCount { get; private set; }
    public int OpenInvitationCount { get; private set; }
    public IReadOnlyList<RecentChange> RecentChanges { get; private set; } = [];

    public bool IsAdmin => Scope.Role == TenantRole.TenantAdmin;
    public bool IsVendor => Scope.IsVendor;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = db.Scope!;
        Tenant = await settings.CurrentAsync(ct);
        Time = TenantTime.Of(Tenant);

        var vendors = db.Vendors.AsNoTracking();
        VendorCount = await vendors.CountAsync(ct);
        ActiveVendorCount = await vendors.CountAsync(v => v.Status == VendorStatus.Active, ct);
        Vendors = await vendors.OrderBy(v => v.Name).Take(ListLimit).Select(VendorResponse.Projection).ToListAsync(ct);

        SkillCount = await db.Skills.CountAsync(ct);
        Skills = await db.Skills.AsNoTracking().OrderBy(s => s.Code).Take(ListLimit).Select(SkillResponse.Projection).ToListAsync(ct);

        if (IsVendor) return;
        MemberCount = await db.Memberships.CountAsync(ct);
        if (!IsAdmin) return;
        var now = clock.GetUtcNow();
        OpenInvitationCount = await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > now, ct);
        RecentChanges = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(8)
            .Select(a => new RecentChange(a.At, a.ActorName, a.Action, a.EntityType))
            .ToListAsync(ct);
    }
}
