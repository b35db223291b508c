namespace VendorPortal.Web.Features.Skills;

public sealed class SkillInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

public sealed class SkillInputValidator : Validator<SkillInput>
{
    public SkillInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("Use letters, digits, '-' and '_' only.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(1000);
    }
}

public sealed record SkillResponse(Guid Id, string Code, string Name, string? Description)
{
    public static readonly System.Linq.Expressions.Expression<Func<Skill, SkillResponse>> Projection =
        s => new SkillResponse(s.Id, s.Code, s.Name, s.Description);
}

public sealed class SkillOperations(AppDbContext db)
{
    public async Task<Skill> CreateAsync(SkillInput input, CancellationToken ct)
    {
        var code = input.Code.Trim().ToUpperInvariant();
        if (await db.Skills.AnyAsync(s => s.Code == code, ct))
            throw RuleViolation.Conflict("code", SkillRules.CodeTaken(code));
        var skill = new Skill
        {
            Code = code,
            Name = input.Name.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
        };
        db.Skills.Add(skill);
        await db.SaveChangesAsync(ct);
        return skill;
    }
}
