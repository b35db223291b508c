using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VendorPortal.Web.Data;

/// <summary>
/// Stamps new tenant- and vendor-owned rows with the current scope and refuses any write outside it.
/// </summary>
public sealed class TenancySaveGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext context)
    {
        var current = ((AppDbContext)context).Scope;
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var scope = current
                ?? throw new ScopeViolationException($"{entry.Metadata.ClrType.Name} written without an access scope.");

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
                entry.Entity.TenantId = scope.TenantId;
            if (entry.Entity.TenantId != scope.TenantId)
                throw new ScopeViolationException($"{entry.Metadata.ClrType.Name} belongs to another tenant.");

            if (entry.Entity is IVendorOwned owned && scope.VendorId is { } vendorId)
            {
                if (entry.State == EntityState.Added && owned.VendorId == Guid.Empty)
                    owned.VendorId = vendorId;
                if (owned.VendorId != vendorId)
                    throw new ScopeViolationException($"{entry.Metadata.ClrType.Name} belongs to another vendor.");
            }
        }
    }
}
