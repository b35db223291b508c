using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// One graduated price band: contacts up to <see cref="UpTo"/> (counted from the start of the billing period,
/// inclusive; null for the last, open band) cost <see cref="UnitPrice"/> each.
/// </summary>
public sealed record RateTier(long? UpTo, decimal UnitPrice);

/// <summary>
/// What a vendor is paid per contact handled, for one skill (or every skill when <see cref="SkillId"/> is null),
/// from one date to another in the tenant's local calendar. Cards of one vendor and skill never overlap.
/// </summary>
public sealed class RateCard : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    /// <summary>Null: the card prices every skill that has no card of its own.</summary>
    public Guid? SkillId { get; set; }
    public required string Currency { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Last day the card applies (inclusive); null while it is open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }
    public List<RateTier> Tiers { get; set; } = [];
    /// <summary>Charged at least this much per calendar month (pro rata for part months) across the contacts the card prices.</summary>
    public decimal? MonthlyMinimum { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Covers(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is not { } to || day <= to);
}

public sealed class RateCardConfiguration : IEntityTypeConfiguration<RateCard>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web);

    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RateCard> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Notes).HasMaxLength(1000);
        // Tiers are read and written with their card, never queried on their own: one JSON column.
        b.Property(x => x.Tiers).HasMaxLength(4000).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<RateTier>>(s, Json) ?? new List<RateTier>(),
            new ValueComparer<List<RateTier>>(
                (a, c) => a!.SequenceEqual(c!),
                v => v.Aggregate(0, (h, t) => HashCode.Combine(h, t)),
                v => v.ToList()));
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.SkillId, x.EffectiveFrom });
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
