using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using VendorPortal.Web.Features.Audit;

namespace VendorPortal.Web.Data;

/// <summary>Records who changed what, and the changed values, in the same transaction as the change.</summary>
public sealed class AuditTrail(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext context)
    {
        if (((AppDbContext)context).Scope is not { } scope) return;
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new AuditEntry
            {
                TenantId = scope.TenantId,
                At = now,
                ActorUserId = scope.UserId,
                ActorApiKeyId = scope.ApiKeyId,
                ActorName = scope.ActorName,
                Action = e.State switch
                {
                    EntityState.Added => "created",
                    EntityState.Deleted => "deleted",
                    _ => "updated",
                },
                EntityType = e.Metadata.ClrType.Name,
                EntityId = e.Entity.Id,
                Changes = Describe(e),
            })
            .ToList();
        context.AddRange(entries);
    }

    private static string Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (name is "Id" or "TenantId" || name.EndsWith("Hash", StringComparison.Ordinal)) continue;
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
