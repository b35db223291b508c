namespace VendorPortal.Web.Features.Billing;

public enum StatementStatus
{
    Draft,
    Issued,
    Void,
}

public enum StatementLineKind
{
    Usage,
    Minimum,
}

/// <summary>
/// What the tenant owes a vendor for a period. A draft can be regenerated; issuing numbers it, hashes it and
/// stores its PDF, after which nothing on it changes (its lines are copies, not a view of the volumes).
/// </summary>
public sealed class Statement : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public DateOnly PeriodStart { get; set; }
    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly PeriodEnd { get; set; }
    public required string Currency { get; set; }
    /// <summary>Names as they were when the statement was generated: renaming a vendor later does not change an issued statement.</summary>
    public string TenantName { get; set; } = "";
    public string VendorName { get; set; } = "";
    public StatementStatus Status { get; set; } = StatementStatus.Draft;
    public bool DailyLines { get; set; }
    /// <summary>"2026-0001": sequential per tenant and year of issue, gap-free.</summary>
    public string? Number { get; set; }
    public int? NumberYear { get; set; }
    public int? NumberSequence { get; set; }
    /// <summary>e.g. 0.06 for 6 %; null when the statement carries no tax.</summary>
    public decimal? TaxRate { get; set; }
    public long Contacts { get; set; }
    public long? Offered { get; set; }
    public long? Answered { get; set; }
    public decimal? AverageHandleSeconds { get; set; }
    public long? Complaints { get; set; }
    public decimal Subtotal { get; set; }
    public decimal AdjustmentsTotal { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal Total { get; set; }
    /// <summary>SHA-256 of the statement's CSV export, fixed at issue.</summary>
    public string? ContentHash { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>"2026-10-01/2026-10-31" while the statement is not void: unique per vendor, so two drafts of one period cannot race in.</summary>
    public string? OpenPeriod { get; set; }
    /// <summary>Bumped by every change: two people issuing or regenerating at once cannot both win.</summary>
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public List<StatementLine> Lines { get; set; } = [];
    public List<StatementAdjustment> Adjustments { get; set; } = [];
}

/// <summary>Contacts of one skill at one tier of one rate card (and, when asked, one day), priced and rounded once.</summary>
public sealed class StatementLine : IVendorOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid StatementId { get; set; }
    public int Position { get; set; }
    public StatementLineKind Kind { get; set; }
    public string? SkillCode { get; set; }
    public string? SkillName { get; set; }
    public Guid? RateCardId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    /// <summary>1-based tier of the rate card; null on a minimum-charge line.</summary>
    public int? Tier { get; set; }
    public long TierFrom { get; set; }
    public long? TierTo { get; set; }
    public long Contacts { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A credit (negative) or debit (positive) with its reason.</summary>
public sealed class StatementAdjustment : IVendorOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid StatementId { get; set; }
    public int Position { get; set; }
    public decimal Amount { get; set; }
    public required string Reason { get; set; }
}

/// <summary>The PDF rendered once at issue (and once more, watermarked, at void); downloads return these bytes.</summary>
public sealed class StatementDocument : IVendorOwned
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public required byte[] IssuedPdf { get; set; }
    public byte[]? VoidPdf { get; set; }
}

/// <summary>The last statement number used in one tenant and year; the concurrency token keeps numbers gap-free and unique.</summary>
public sealed class StatementCounter : ITenantOwned
{
    public Guid TenantId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

public sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Statement> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.TenantName).HasMaxLength(200);
        b.Property(x => x.VendorName).HasMaxLength(200);
        b.Property(x => x.VoidReason).HasMaxLength(400);
        b.Property(x => x.TaxRate).HasPrecision(9, 6);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
        b.Property(x => x.VoidedBy).HasMaxLength(200);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.PeriodStart });
        b.Property(x => x.OpenPeriod).HasMaxLength(21);
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.OpenPeriod }).IsUnique();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.StatementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Adjustments).WithOne().HasForeignKey(x => x.StatementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StatementLineConfiguration : IEntityTypeConfiguration<StatementLine>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<StatementLine> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SkillCode).HasMaxLength(40);
        b.Property(x => x.SkillName).HasMaxLength(200);
        b.HasIndex(x => new { x.StatementId, x.Position });
    }
}

public sealed class StatementAdjustmentConfiguration : IEntityTypeConfiguration<StatementAdjustment>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<StatementAdjustment> b)
    {
        b.Property(x => x.Reason).HasMaxLength(400);
        b.HasIndex(x => new { x.StatementId, x.Position });
    }
}

public sealed class StatementDocumentConfiguration : IEntityTypeConfiguration<StatementDocument>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<StatementDocument> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.IssuedPdf).HasMaxLength(int.MaxValue);
        b.Property(x => x.VoidPdf).HasMaxLength(int.MaxValue);
        b.HasOne<Statement>().WithOne().HasForeignKey<StatementDocument>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StatementCounterConfiguration : IEntityTypeConfiguration<StatementCounter>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<StatementCounter> b)
    {
        b.HasKey(x => new { x.TenantId, x.Year });
        b.Property(x => x.Last).IsConcurrencyToken();
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
