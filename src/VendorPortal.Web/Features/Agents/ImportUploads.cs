using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VendorPortal.Web.Features.Agents;

/// <summary>An uploaded agents CSV kept between its preview and the confirmed import, for the person who uploaded it.</summary>
public sealed class ImportUpload : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public byte[] Content { get; set; } = [];
}

public sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> b)
    {
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}

/// <summary>
/// Keeps an uploaded CSV between its preview and the confirmed import, so the person does not upload it twice.
/// The file lives in the database (any node may answer the confirmation), bound to the tenant and the person, for an
/// hour at most.
/// </summary>
public sealed class ImportUploads(AppDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<Guid> SaveAsync(AccessScope scope, Stream csv, CancellationToken ct)
    {
        var expired = clock.GetUtcNow() - Lifetime;
        // Bookkeeping, not a user's change: uploads nobody confirmed within the hour go without an audit row.
        await db.ImportUploads.Where(u => u.CreatedAt < expired).ExecuteDeleteAsync(ct);
        using var content = new MemoryStream();
        await csv.CopyToAsync(content, ct);
        var upload = new ImportUpload { UserId = scope.UserId ?? Guid.Empty, Content = content.ToArray() };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    /// <summary>The upload, or null when it expired or belongs to someone else.</summary>
    public async Task<Stream?> OpenAsync(AccessScope scope, Guid token, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Lifetime;
        var content = await db.ImportUploads.AsNoTracking()
            .Where(u => u.Id == token && u.UserId == (scope.UserId ?? Guid.Empty) && u.CreatedAt >= since)
            .Select(u => u.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public Task DeleteAsync(AccessScope scope, Guid token, CancellationToken ct) =>
        db.ImportUploads.Where(u => u.Id == token && u.UserId == (scope.UserId ?? Guid.Empty)).ExecuteDeleteAsync(ct);
}
