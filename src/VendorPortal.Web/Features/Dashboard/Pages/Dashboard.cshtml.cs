using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.Dashboard.Pages;

public sealed record RecentChange(DateTimeOffset At, string Actor, string Action, string EntityType);

public sealed record NextDue(DateTimeOffset RespondBy, string EventName, bool Overdue);

public sealed class DashboardModel(AppDbContext db, VendorList vendorList, SkillList skillList, TenantSettingsOperations settings, TimeProvider clock)
    : PageModel
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
    public int RequestsToAnswer { get; private set; }
    public NextDue? NextRequestDue { get; private set; }
    public int ShiftsToConfirm { get; private set; }
    /// <summary>Open readiness alerts (a vendor manager's own); null for roles that do not see alerts.</summary>
    public int? OpenAlerts { get; private set; }

    public bool IsAdmin => Scope.Role == TenantRole.TenantAdmin;
    public bool IsVendor => Scope.IsVendor;
    public bool IsVendorManager => Scope.Role == TenantRole.VendorManager;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = db.Scope!;
        Tenant = await settings.CurrentAsync(ct);
        Time = TenantTime.Of(Tenant);

        // The first page of the vendors and skills lists, with their totals.
        var firstPage = PortalPageRequest.Of(1, ListLimit);
        var vendors = await vendorList.PageAsync(new VendorFilter(), firstPage, ct);
        (Vendors, VendorCount) = (vendors.Items, vendors.Total);
        ActiveVendorCount = await db.Vendors.CountAsync(v => v.Status == VendorStatus.Active, ct);
        var skills = await skillList.PageAsync(firstPage, ct);
        (Skills, SkillCount) = (skills.Items, skills.Total);

        if (Scope.May(Permission.WatchReadiness)) OpenAlerts = await db.Alerts.CountAsync(Alerts.Alert.IsOpen, ct);
        if (IsVendorManager) await LoadVendorWorkAsync(ct);
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

    /// <summary>What waits on the vendor: requests to answer and upcoming shifts with agents not yet confirmed.</summary>
    private async Task LoadVendorWorkAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = db.CapacityRequests.Where(r => r.Status == CapacityRequestStatus.Sent);
        RequestsToAnswer = await open.CountAsync(ct);
        NextRequestDue = await open.OrderBy(r => r.RespondBy).ThenBy(r => r.Id)
            .Select(r => new NextDue(r.RespondBy, db.Events.Where(e => e.Id == r.EventId).Select(e => e.Name).Single(), r.RespondBy < now))
            .FirstOrDefaultAsync(ct);
        ShiftsToConfirm = await db.Shifts.Where(Shift.NotStartedBy(now)).CountAsync(s => s.Status == ShiftStatus.Scheduled
            && db.Assignments.Any(a => a.ShiftId == s.Id && a.Status == AssignmentStatus.Assigned), ct);
    }
}
