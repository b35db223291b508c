using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.ApiKeys;
using VendorPortal.Web.Features.Audit;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Notifications;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Training;
using VendorPortal.Web.Features.Users;
using VendorPortal.Web.Features.Vendors;
using VendorPortal.Web.Features.Webhooks;

namespace VendorPortal.Web.Data;

/// <summary>
/// Pooled: a context is reused across requests, and each lease is given its request's (or job's) scope before use
/// (see <see cref="Hosting.Database"/>), so the query filters always read the scope of the code using it.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    private AccessScopeAccessor? scope;

    internal AppDbContext ScopedTo(AccessScopeAccessor accessor)
    {
        scope = accessor;
        return this;
    }

    // A context going back to the pool forgets its lease's scope, so one taken from the pool without ScopedTo
    // sees no tenant's rows rather than the previous request's.
    public override void Dispose()
    {
        scope = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        scope = null;
        return base.DisposeAsync();
    }

    public const string TenantFilter = "Tenant";
    public const string VendorFilter = "Vendor";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<PoolPlan> PoolPlans => Set<PoolPlan>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingEnrollment> TrainingEnrollments => Set<TrainingEnrollment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationOptOut> NotificationOptOuts => Set<NotificationOptOut>();
    public DbSet<RateCard> RateCards => Set<RateCard>();
    public DbSet<ContactVolume> ContactVolumes => Set<ContactVolume>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementLine> StatementLines => Set<StatementLine>();
    public DbSet<StatementAdjustment> StatementAdjustments => Set<StatementAdjustment>();
    public DbSet<StatementDocument> StatementDocuments => Set<StatementDocument>();
    public DbSet<StatementCounter> StatementCounters => Set<StatementCounter>();
    public DbSet<SurgeEvent> Events => Set<SurgeEvent>();
    public DbSet<ForecastInterval> ForecastIntervals => Set<ForecastInterval>();
    public DbSet<InHouseInterval> InHouseIntervals => Set<InHouseInterval>();
    public DbSet<CapacityRequest> CapacityRequests => Set<CapacityRequest>();
    public DbSet<RequestedShift> RequestedShifts => Set<RequestedShift>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<CalendarLink> CalendarLinks => Set<CalendarLink>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    /// <summary>The data-protection key ring, shared by every node on this database (cookies, tokens, protected links).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public AccessScope? Scope => scope?.Current;

    // Read by the query filters; EF evaluates them per query, so they follow the current scope.
    private Guid CurrentTenantId => scope?.Current?.TenantId ?? Guid.Empty;
    // Guid.Empty stands for "not a vendor user": a non-nullable parameter keeps one cached SQL shape for every caller.
    private Guid CurrentVendorId => scope?.Current?.VendorId ?? Guid.Empty;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no native instant or decimal type: store instants as UTC ticks so they sort and compare in SQL.
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz holds an instant, not an offset, and Npgsql refuses to write any offset but zero.
            builder.Properties<DateTimeOffset>().HaveConversion<InstantInUtc>();
            builder.Properties<DateTimeOffset?>().HaveConversion<InstantInUtc>();
        }
        builder.Properties<decimal>().HavePrecision(18, 4);
        builder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IVendorOwned).IsAssignableFrom(type))
                Apply(nameof(ApplyVendorFilters), type, builder);
            else if (typeof(IVendorOptional).IsAssignableFrom(type))
                Apply(nameof(ApplyOptionalVendorFilters), type, builder);
            else if (typeof(ITenantOwned).IsAssignableFrom(type))
                Apply(nameof(ApplyTenantFilter), type, builder);
        }

        builder.Entity<DataProtectionKey>().Property(k => k.Xml).HasMaxLength(int.MaxValue);
        builder.Entity<Vendor>().HasQueryFilter(VendorFilter, v => CurrentVendorId == Guid.Empty || v.Id == CurrentVendorId);

        // Every audited row carries a version that each save bumps (SaveRules): of two people who read the same row and
        // both save a change, the second gets a conflict instead of silently overwriting the first, on every provider.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property<int>(SaveRules.Version).IsConcurrencyToken();
    }

    private sealed class InstantInUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    private void Apply(string method, Type type, ModelBuilder builder) =>
        GetType().GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, [builder]);

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    private void ApplyOptionalVendorFilters<T>(ModelBuilder builder) where T : class, IVendorOptional
    {
        ApplyTenantFilter<T>(builder);
        builder.Entity<T>().HasQueryFilter(VendorFilter, e => CurrentVendorId == Guid.Empty || e.VendorId == CurrentVendorId);
    }

    private void ApplyVendorFilters<T>(ModelBuilder builder) where T : class, IVendorOwned
    {
        ApplyTenantFilter<T>(builder);
        builder.Entity<T>().HasQueryFilter(VendorFilter, e => CurrentVendorId == Guid.Empty || e.VendorId == CurrentVendorId);
    }
}
