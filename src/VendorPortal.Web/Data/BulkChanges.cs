using System.Text.Json;
using Microsoft.EntityFrameworkCore.Query;

namespace VendorPortal.Web.Data;

/// <summary>
/// ExecuteUpdate and ExecuteDelete write past the change tracker, so <see cref="SaveRules"/> never sees (nor audits) them.
/// A change a user makes that way goes through here instead: it runs in a transaction (the caller's, or one of its own),
/// and one audit row naming the actor, the rows' type, the row they hang from and how many changed commits with it.
/// Only bookkeeping stamps (last used, sent at, claims) may call ExecuteUpdate directly; a test keeps that list.
/// </summary>
public sealed class BulkChanges(AppDbContext db, TimeProvider clock)
{
    /// <summary>Deletes <paramref name="rows"/>; the audit row is filed under <paramref name="parentId"/> (e.g. the event of forecast intervals).</summary>
    public Task<int> DeleteAsync<T>(IQueryable<T> rows, Guid parentId, CancellationToken ct) where T : class, ITenantOwned =>
        RunAsync<T>("deleted", parentId, null, () => rows.ExecuteDeleteAsync(ct), ct);

    /// <summary>Updates <paramref name="rows"/>; <paramref name="changes"/> describes the new values for the audit row.</summary>
    public Task<int> UpdateAsync<T>(IQueryable<T> rows, Action<UpdateSettersBuilder<T>> set, Guid parentId, object changes, CancellationToken ct)
        where T : class, ITenantOwned =>
        RunAsync<T>("updated", parentId, changes, () => rows.ExecuteUpdateAsync(set, ct), ct);

    private async Task<int> RunAsync<T>(string action, Guid parentId, object? changes, Func<Task<int>> change, CancellationToken ct)
    {
        var scope = db.Scope ?? throw new ScopeViolationException($"{typeof(T).Name} changed in bulk without an access scope.");
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var count = await change();
            var described = new Dictionary<string, object?> { ["rows"] = count };
            if (changes is not null) described["set"] = changes;
            db.AuditEntries.Add(SaveRules.Entry(scope, clock.GetUtcNow(), action, typeof(T).Name, parentId,
                JsonSerializer.Serialize(described, JsonSerializerOptions.Web)));
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
