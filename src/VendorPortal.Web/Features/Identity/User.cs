using Microsoft.AspNetCore.Identity;

namespace VendorPortal.Web.Features.Identity;

public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>"en" or "zh-CN": the portal and e-mails use it.</summary>
    public string Language { get; set; } = "en";
    /// <summary>Platform operators create tenants and see the jobs dashboard; not a tenant role.</summary>
    public bool IsPlatformOperator { get; set; }
}

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<User> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(10);
    }
}
