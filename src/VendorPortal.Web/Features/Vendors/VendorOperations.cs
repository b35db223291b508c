namespace VendorPortal.Web.Features.Vendors;

public sealed class VendorInput
{
    public string Name { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public VendorStatus Status { get; set; } = VendorStatus.Active;
    public string? Notes { get; set; }
}

public sealed class VendorInputValidator : Validator<VendorInput>
{
    public VendorInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.ContactName).MaximumLength(200);
        RuleFor(x => x.ContactEmail).EmailAddress().MaximumLength(254);
        RuleFor(x => x.ContactPhone).MaximumLength(50);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Notes).MaximumLength(2000);
    }
}

public sealed record VendorResponse(
    Guid Id, string Name, string? ContactName, string? ContactEmail, string? ContactPhone,
    VendorStatus Status, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<Vendor, VendorResponse>> Projection = v =>
        new VendorResponse(v.Id, v.Name, v.ContactName, v.ContactEmail, v.ContactPhone, v.Status, v.Notes, v.CreatedAt, v.UpdatedAt);

    private static readonly Func<Vendor, VendorResponse> Map = Projection.Compile();

    public static VendorResponse From(Vendor v) => Map(v);
}

/// <summary>Vendor records: shared by the API and the portal pages.</summary>
public sealed class VendorOperations(AppDbContext db)
{
    public async Task<Vendor> CreateAsync(VendorInput input, CancellationToken ct)
    {
        var name = input.Name.Trim();
        await EnsureNameFreeAsync(name, null, ct);
        var vendor = new Vendor { Name = name };
        Apply(vendor, input);
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync(ct);
        return vendor;
    }

    public async Task<Vendor> UpdateAsync(Guid id, VendorInput input, CancellationToken ct)
    {
        var vendor = await db.Vendors.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFound(Thing.Vendor);
        var name = input.Name.Trim();
        await EnsureNameFreeAsync(name, id, ct);
        vendor.Name = name;
        Apply(vendor, input);
        await db.SaveChangesAsync(ct);
        return vendor;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var vendor = await db.Vendors.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFound(Thing.Vendor);
        if (await db.Memberships.AnyAsync(m => m.VendorId == id, ct) || await db.Agents.AnyAsync(a => a.VendorId == id, ct))
            throw RuleViolation.Conflict("vendorId", VendorRules.HasPeople);
        if (await db.ApiKeys.AnyAsync(k => k.VendorId == id, ct) || await db.Invitations.AnyAsync(i => i.VendorId == id, ct))
            throw RuleViolation.Conflict("vendorId", VendorRules.HasKeys);
        if (await db.RateCards.AnyAsync(c => c.VendorId == id, ct) || await db.ContactVolumes.AnyAsync(v => v.VendorId == id, ct)
            || await db.Statements.AnyAsync(st => st.VendorId == id, ct))
            throw RuleViolation.Conflict("vendorId", VendorRules.HasBilling);
        // Alerts are derived from the vendor's pool and shifts: they go with the vendor.
        db.Alerts.RemoveRange(await db.Alerts.Where(a => a.VendorId == id).ToListAsync(ct));
        db.Vendors.Remove(vendor);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(Vendor vendor, VendorInput input)
    {
        vendor.ContactName = Clean(input.ContactName);
        vendor.ContactEmail = Clean(input.ContactEmail);
        vendor.ContactPhone = Clean(input.ContactPhone);
        vendor.Status = input.Status;
        vendor.Notes = Clean(input.Notes);
    }

    private async Task EnsureNameFreeAsync(string name, Guid? except, CancellationToken ct)
    {
        if (await db.Vendors.AnyAsync(v => v.Name == name && v.Id != except, ct))
            throw RuleViolation.Conflict("name", VendorRules.NameTaken(name));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
