using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using VendorPortal.Web.Features.Audit;

namespace VendorPortal.Web.Data;

/// <summary>
/// Runs before every save, over one pass of change detection: stamps new tenant- and vendor-owned rows with
/// the current scope, refuses any write outside it, stamps CreatedAt and UpdatedAt from the app's clock, and records
/// who changed what (with the changed values) in the same transaction as the change.
/// </summary>
public sealed class SaveRules(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The shadow concurrency token of every audited row (see <see cref="AppDbContext"/>).</summary>
    public const string Version = "Version";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context!);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Restore(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context!);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Restore(eventData.Context!);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context!);
        return Task.CompletedTask;
    }

    private void Apply(DbContext context)
    {
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        // The rows are detected once here; EF's own pass before writing would find nothing new (restored after the save).
        tracker.AutoDetectChangesEnabled = false;
        var changed = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var scope = ((AppDbContext)context).Scope;
        var now = clock.GetUtcNow();
        foreach (var entry in changed)
        {
            Guard(entry, scope);
            CheckLengths(entry);
            Stamp(entry, now);
        }
        if (scope is null) return;
        context.AddRange(changed.Where(e => e.Entity is IAudited).Select(e => Audit(e, scope, now)).ToList());
    }

    private static void Restore(DbContext context) => context.ChangeTracker.AutoDetectChangesEnabled = true;

    private static void Guard(EntityEntry entry, AccessScope? scope)
    {
        if (entry.Entity is not ITenantOwned owned) return;
        var name = entry.Metadata.ClrType.Name;
        if (scope is null) throw new ScopeViolationException($"{name} written without an access scope.");

        if (entry.State == EntityState.Added && owned.TenantId == Guid.Empty)
            owned.TenantId = scope.TenantId;
        if (owned.TenantId != scope.TenantId)
            throw new ScopeViolationException($"{name} belongs to another tenant.");

        if (owned is IVendorOwned vendorOwned && scope.VendorId is { } vendorId)
        {
            if (entry.State == EntityState.Added && vendorOwned.VendorId == Guid.Empty)
                vendorOwned.VendorId = vendorId;
            if (vendorOwned.VendorId != vendorId)
                throw new ScopeViolationException($"{name} belongs to another vendor.");
        }
        if (owned is IVendorOptional optional && scope.VendorId is { } ownVendor)
        {
            if (entry.State == EntityState.Added && optional.VendorId is null)
                optional.VendorId = ownVendor;
            if (optional.VendorId != ownVendor)
                throw new ScopeViolationException($"{name} belongs to another vendor or to the tenant.");
        }
    }

    /// <summary>A new row is created now unless it says otherwise (demo history); a changed row was updated now.</summary>
    private static void Stamp(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.State == EntityState.Deleted) return;
        if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(Version) is not null)
            entry.Property(Version).CurrentValue = (int)entry.Property(Version).OriginalValue! + 1;
        foreach (var name in (ReadOnlySpan<string>)["CreatedAt", "UpdatedAt"])
        {
            if (entry.Metadata.FindProperty(name) is null) continue;
            var p = entry.Property(name);
            if (entry.State == EntityState.Added ? p.CurrentValue is DateTimeOffset at && at == default : name == "UpdatedAt")
                p.CurrentValue = now;
        }
    }

    /// <summary>
    /// A value longer than its column is the caller's mistake, refused as such on every provider: SQLite would keep it
    /// whole and SQL Server would fail the whole save with an error that says nothing about which field.
    /// </summary>
    private static void CheckLengths(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified)) return;
        foreach (var p in entry.Properties)
        {
            if (p.CurrentValue is string value && p.Metadata.GetMaxLength() is { } max && value.Length > max
                && (entry.State == EntityState.Added || p.IsModified))
                throw new RuleViolation(JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), CommonRules.TooLong(max), StatusCodes.Status400BadRequest);
        }
    }

    private static AuditEntry Audit(EntityEntry entry, AccessScope scope, DateTimeOffset now) =>
        Entry(scope, now, entry.State switch
        {
            EntityState.Added => "created",
            EntityState.Deleted => "deleted",
            _ => "updated",
        }, entry.Metadata.ClrType.Name, ((IAudited)entry.Entity).Id, Describe(entry));

    /// <summary>One audit row by the scope's actor; shared with <see cref="BulkChanges"/> so both name who, what and the tenant alike.</summary>
    public static AuditEntry Entry(AccessScope scope, DateTimeOffset now, string action, string entityType, Guid entityId, string changes) => new()
    {
        TenantId = scope.TenantId,
        At = now,
        ActorUserId = scope.UserId,
        ActorApiKeyId = scope.ApiKeyId,
        ActorName = scope.ActorName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Changes = changes,
    };

    private static string Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (name is "Id" or "TenantId" or Version || name.EndsWith("Hash", StringComparison.Ordinal)
                || name.EndsWith("Secret", StringComparison.Ordinal)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = Readable(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[name] = Readable(p.OriginalValue);
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[name] = new { from = Readable(p.OriginalValue), to = Readable(p.CurrentValue) };
                    break;
            }
        }
        return JsonSerializer.Serialize(changes, JsonSerializerOptions.Web);
    }

    /// <summary>Enums by name, as the database and the API show them.</summary>
    private static object? Readable(object? value) => value is Enum e ? e.ToString() : value;
}
