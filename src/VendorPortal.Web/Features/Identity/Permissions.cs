using Microsoft.AspNetCore.Authorization.Policy;

namespace VendorPortal.Web.Features.Identity;

/// <summary>What a member may do in a tenant. Each is an authorization policy of the same name.</summary>
public enum Permission
{
    ReadSettings,
    ManageSettings,
    ManageUsers,
    ManageApiKeys,
    ReadAudit,
    ReadSkills,
    ManageSkills,
    ReadVendors,
    ManageVendors,
    ReadAgents,
    ManageAgents,
    PlanPool,
    ReadTraining,
    ScheduleTraining,
    EnrolAgents,
    UseStaffingCalculator,
    ReadEvents,
    PlanEvents,
    ReadCapacityRequests,
    RequestCapacity,
    AnswerCapacityRequests,
    ReadShifts,
    ScheduleShifts,
    AssignAgents,
    ConfirmAssignments,
    RecordAttendance,
    WatchReadiness,
    RunAlertScan,
    ReadBilling,
    RecordContactVolumes,
    ManageRateCards,
    DraftStatements,
    IssueStatements,
    PlanSurge,
    ManageWebhooks,
}

/// <summary>
/// Who may do what, written once. Endpoints name the policy (<c>Policies(nameof(Permission.X))</c>), pages carry
/// <c>[Authorize(Policy = nameof(Permission.X))]</c>, page handlers and the navigation ask <see cref="May"/>.
/// Which rows a vendor manager sees is not decided here: the query filters limit them to their own vendor.
/// </summary>
public static class Permissions
{
    private const TenantRole Admin = TenantRole.TenantAdmin;
    private const TenantRole Planner = TenantRole.Planner;
    private const TenantRole Finance = TenantRole.Finance;
    private const TenantRole Vendor = TenantRole.VendorManager;
    private static readonly TenantRole[] Everyone = [Admin, Planner, Finance, Vendor];

    public static readonly IReadOnlyDictionary<Permission, TenantRole[]> Roles = new Dictionary<Permission, TenantRole[]>
    {
        [Permission.ReadSettings] = Everyone,
        [Permission.ManageSettings] = [Admin],
        // Members and invitations.
        [Permission.ManageUsers] = [Admin],
        [Permission.ManageApiKeys] = [Admin],
        [Permission.ReadAudit] = [Admin],
        [Permission.ReadSkills] = Everyone,
        [Permission.ManageSkills] = [Admin],
        [Permission.ReadVendors] = Everyone,
        [Permission.ManageVendors] = [Admin],
        // Agents, their export and the reserve pool.
        [Permission.ReadAgents] = Everyone,
        // Add, change, delete and import agents.
        [Permission.ManageAgents] = [Admin, Vendor],
        // Peak plans of the reserve pool.
        [Permission.PlanPool] = [Admin, Planner],
        [Permission.ReadTraining] = Everyone,
        // Create, change and cancel sessions; record results.
        [Permission.ScheduleTraining] = [Admin, Planner],
        // Enrol agents in a session and withdraw them.
        [Permission.EnrolAgents] = [Admin, Planner, Vendor],
        [Permission.UseStaffingCalculator] = Everyone,
        // Events with their staffing.
        [Permission.ReadEvents] = Everyone,
        // Create and change events and their forecasts.
        [Permission.PlanEvents] = [Admin, Planner],
        [Permission.ReadCapacityRequests] = [Admin, Planner, Vendor],
        // Send and cancel capacity requests; follow an event's fill.
        [Permission.RequestCapacity] = [Admin, Planner],
        [Permission.AnswerCapacityRequests] = [Vendor],
        // Shifts and their calendar.
        [Permission.ReadShifts] = [Admin, Planner, Vendor],
        // Create and cancel shifts.
        [Permission.ScheduleShifts] = [Admin, Planner],
        // Put agents on a shift.
        [Permission.AssignAgents] = [Vendor],
        // Confirm or decline assigned agents.
        [Permission.ConfirmAssignments] = [Vendor],
        [Permission.RecordAttendance] = [Vendor],
        // Readiness, its alerts, and acknowledging them.
        [Permission.WatchReadiness] = [Admin, Planner, Vendor],
        // Run the tenant's alert scan now instead of waiting for the next scheduled one.
        [Permission.RunAlertScan] = [Admin, Planner],
        // Rate cards, contact volumes, scorecards and statements with their files.
        [Permission.ReadBilling] = [Admin, Finance, Vendor],
        [Permission.RecordContactVolumes] = [Admin, Finance, Vendor],
        [Permission.ManageRateCards] = [Admin, Finance],
        // Draft a statement and draft it again.
        [Permission.DraftStatements] = [Admin, Finance],
        // Issue a statement and void it.
        [Permission.IssueStatements] = [Admin, Finance],
        // An event's in-house team and its suggested surge plan: the center's own staffing and every vendor's pool.
        [Permission.PlanSurge] = [Admin, Planner],
        // Webhook endpoints, their secrets and delivery logs: the tenant's for admins and planners, a vendor manager their vendor's.
        [Permission.ManageWebhooks] = [Admin, Planner, Vendor],
    };

    /// <summary>
    /// Permissions a vendor manager is answered 404 for, not 403: these views show the center's own staffing and other
    /// vendors' pools, so to a vendor they do not exist (existence is not revealed).
    /// </summary>
    public static readonly IReadOnlySet<Permission> HiddenFromVendors = new HashSet<Permission> { Permission.PlanSurge };

    public static bool May(this AccessScope scope, Permission permission) => Roles[permission].Contains(scope.Role);

    /// <summary>One policy per permission, granted from the request's access scope (see <see cref="Hosting.Tenancy"/>).</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder, IServiceCollection services)
    {
        foreach (var permission in Enum.GetValues<Permission>())
            builder.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HiddenFromVendorsResults>();
        return builder;
    }

    public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

    private sealed class PermissionHandler(AccessScopeAccessor scopes) : AuthorizationHandler<PermissionRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
        {
            if (scopes.Current?.May(requirement.Permission) == true) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    /// <summary>Refusals of a <see cref="HiddenFromVendors"/> permission to a vendor manager become "not found".</summary>
    private sealed class HiddenFromVendorsResults : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler standard = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
        {
            if (result.Forbidden && context.RequestServices.GetRequiredService<AccessScopeAccessor>().Current?.Role == TenantRole.VendorManager
                && result.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().Any(r => HiddenFromVendors.Contains(r.Permission)) == true)
                throw new NotFound(Thing.Event);
            return standard.HandleAsync(next, context, policy, result);
        }
    }
}
