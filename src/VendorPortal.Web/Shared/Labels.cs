using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Training;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Shared;

/// <summary>Display names for the portal's enumerations, in the current UI language.</summary>
public static class Labels
{
    public static readonly string[] Languages = ["en", "zh-CN"];

    public static string Role(this IStringLocalizer T, TenantRole role) => role switch
    {
        TenantRole.TenantAdmin => T["Tenant admin"],
        TenantRole.Planner => T["Planner"],
        TenantRole.Finance => T["Finance"],
        TenantRole.VendorManager => T["Vendor manager"],
        _ => role.ToString(),
    };

    public static string Role(this IStringLocalizer T, string role) =>
        Enum.TryParse<TenantRole>(role, out var parsed) ? T.Role(parsed) : role;

    public static string Status(this IStringLocalizer T, VendorStatus status) =>
        status == VendorStatus.Active ? T["Active"] : T["Inactive"];

    public static string Status(this IStringLocalizer T, AgentStatus status) => status switch
    {
        AgentStatus.Active => T["Active"],
        AgentStatus.Inactive => T["Inactive"],
        AgentStatus.Left => T["Left"],
        _ => status.ToString(),
    };

    public static string Status(this IStringLocalizer T, PoolStatus status) => status switch
    {
        PoolStatus.Green => T["On target"],
        PoolStatus.Amber => T["Near target"],
        PoolStatus.Red => T["Short"],
        _ => status.ToString(),
    };

    public static string Status(this IStringLocalizer T, TrainingSessionStatus status) =>
        status == TrainingSessionStatus.Cancelled ? T["Cancelled"] : T["Scheduled"];

    public static string Outcome(this IStringLocalizer T, TrainingOutcome? outcome) => outcome switch
    {
        TrainingOutcome.Attended => T["Attended"],
        TrainingOutcome.Passed => T["Passed"],
        TrainingOutcome.Failed => T["Failed"],
        TrainingOutcome.NoShow => T["No-show"],
        _ => T["No result yet"],
    };

    public static string AuditAction(this IStringLocalizer T, string action) => action switch
    {
        "created" => T["Created"],
        "updated" => T["Updated"],
        "deleted" => T["Deleted"],
        _ => action,
    };

    public static string EntityType(this IStringLocalizer T, string type) => type switch
    {
        "Tenant" => T["Tenant"],
        "Vendor" => T["Vendor"],
        "Skill" => T["Skill"],
        "Membership" => T["Membership"],
        "Invitation" => T["Invitation"],
        "ApiKey" => T["API key"],
        "Agent" => T["Agent"],
        "PoolPlan" => T["Planned peak"],
        "TrainingSession" => T["Training session"],
        "TrainingEnrollment" => T["Enrolment"],
        "ForecastInterval" => T["Forecast rows"],
        _ => type,
    };

    /// <summary>Each language is named in itself, so a reader of the other one can still find it.</summary>
    public static string Language(string? language) => language == "zh-CN" ? "简体中文" : "English";
}
