
namespace VendorPortal.Web.Features.ApiKeys;

/// <summary>A system-to-system credential for one tenant (and optionally one vendor). Only its hash is kept.</summary>
public sealed class ApiKey : ITenantOwned, IAudited
{
    public const string Header = "X-Api-Key";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid? VendorId { get; init; }
    public required string Name { get; init; }
    public TenantRole Role { get; init; }
    /// <summary>The public first part of the key, used to find it and shown in lists.</summary>
    public required string Prefix { get; init; }
    public required string SecretHash { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    private const string Marker = "vpk";

    /// <summary>Makes a new key; the plain text is returned once and never stored.</summary>
    public static (string PlainText, string Prefix, string Hash) Generate() => SecretToken.Generate(Marker);

    public static string? PrefixOf(string plain) => SecretToken.PrefixOf(plain, Marker);

    public bool Matches(string plain) => SecretToken.Matches(plain, SecretHash);
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(12);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.NoAction);
    }
}
