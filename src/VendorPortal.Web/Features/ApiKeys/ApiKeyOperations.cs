
namespace VendorPortal.Web.Features.ApiKeys;

public sealed class ApiKeyInput
{
    public string Name { get; set; } = "";
    /// <summary>The role the key acts with; VendorManager keys name their vendor.</summary>
    public string Role { get; set; } = TenantRoles.VendorManager;
    public Guid? VendorId { get; set; }
}

public sealed class ApiKeyInputValidator : Validator<ApiKeyInput>
{
    private static readonly string[] KeyRoles = [TenantRoles.Planner, TenantRoles.Finance, TenantRoles.VendorManager];

    public ApiKeyInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Role).Must(r => KeyRoles.Contains(r))
            .WithMessage($"An API key acts as one of {string.Join(", ", KeyRoles)}.");
        RuleFor(x => x.VendorId).NotEmpty().When(x => x.Role == TenantRoles.VendorManager)
            .WithMessage("A vendor key must name its vendor.");
        RuleFor(x => x.VendorId).Empty().When(x => x.Role != TenantRoles.VendorManager)
            .WithMessage("Only vendor keys name a vendor.");
    }
}

public sealed record ApiKeyResponse(
    Guid Id, string Name, string Role, Guid? VendorId, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<ApiKey, ApiKeyResponse>> Projection = k =>
        new ApiKeyResponse(k.Id, k.Name, k.Role.ToString(), k.VendorId, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>The key's plain text appears here once, at creation, and nowhere else.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string PlainTextKey);

public sealed class ApiKeyOperations(AppDbContext db, AccessScopeAccessor scope, TimeProvider clock)
{
    public async Task<CreatedApiKeyResponse> CreateAsync(ApiKeyInput input, CancellationToken ct)
    {
        if (input.VendorId is { } vendorId && !await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
            throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        var (plain, prefix, hash) = ApiKey.Generate();
        var key = new ApiKey
        {
            Name = input.Name.Trim(),
            Role = Enum.Parse<TenantRole>(input.Role),
            VendorId = input.VendorId,
            Prefix = prefix,
            SecretHash = hash,
            CreatedByUserId = scope.Required.UserId,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKeyResponse(ApiKeyResponse.Projection.Compile()(key), plain);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFound(Thing.ApiKey);
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
