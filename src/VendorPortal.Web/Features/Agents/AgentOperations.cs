using System.Text.RegularExpressions;

namespace VendorPortal.Web.Features.Agents;

public sealed class AgentInput
{
    /// <summary>Required for tenant staff; a vendor manager's own vendor is used otherwise.</summary>
    public Guid? VendorId { get; set; }
    public string ExternalRef { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Skill codes, e.g. ["PRESALES", "HOTLINE"].</summary>
    public List<string> Skills { get; set; } = [];
    /// <summary>Language tags, e.g. ["zh", "en"].</summary>
    public List<string> Languages { get; set; } = [];
    public AgentStatus Status { get; set; } = AgentStatus.Active;
    public int? MaxWeeklyHours { get; set; }
    public string? Notes { get; set; }
}

public sealed partial class AgentInputValidator : Validator<AgentInput>
{
    public AgentInputValidator()
    {
        RuleFor(x => x.ExternalRef).NotEmpty().MaximumLength(64);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Skills).NotNull().Must(s => s.Count <= 50).WithMessage("At most 50 skills.");
        RuleFor(x => x.Languages).NotNull().Must(l => l.Count <= 10).WithMessage("At most 10 languages.");
        RuleForEach(x => x.Languages).Must(IsLanguageTag).WithMessage("'{PropertyValue}' is not a language tag such as zh or en-GB.");
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.MaxWeeklyHours).InclusiveBetween(1, 80);
        RuleFor(x => x.Notes).MaximumLength(2000);
    }

    public static bool IsLanguageTag(string? tag) => tag is not null && LanguageTag().IsMatch(tag);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}

public sealed record TrainedFor(Guid SessionId, string Title, Guid? EventId, IReadOnlyList<string> Skills, DateTimeOffset PassedAt, DateTimeOffset ValidUntil);

public sealed record AgentResponse(
    Guid Id, Guid VendorId, string ExternalRef, string DisplayName, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages,
    AgentStatus Status, int? MaxWeeklyHours, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<TrainedFor> TrainedFor);

/// <summary>Reserve agents: kept by their vendor's managers, read by tenant staff. Shared by the API and the portal.</summary>
public sealed class AgentOperations(AppDbContext db, AccessScopeAccessor scope, TimeProvider clock)
{
    public async Task<Agent> CreateAsync(AgentInput input, CancellationToken ct)
    {
        var vendorId = await VendorForWriteAsync(input.VendorId, ct);
        var reference = input.ExternalRef.Trim();
        if (await db.Agents.AnyAsync(a => a.VendorId == vendorId && a.ExternalRef == reference, ct))
            throw RuleViolation.Conflict("externalRef", AgentRules.ReferenceTaken(reference));
        var skills = await Skills.SkillCodes.ResolveAsync(db, input.Skills, "skills", ct);
        var now = clock.GetUtcNow();
        var agent = new Agent { VendorId = vendorId, ExternalRef = reference, DisplayName = "", TenantId = scope.Required.TenantId };
        Apply(agent, input, skills, now);
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        return agent;
    }

    public async Task<Agent> UpdateAsync(Guid id, AgentInput input, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound(Thing.Agent);
        if (!string.Equals(agent.ExternalRef, input.ExternalRef.Trim(), StringComparison.Ordinal))
            throw new RuleViolation("externalRef", AgentRules.ReferenceFixed);
        Apply(agent, input, await Skills.SkillCodes.ResolveAsync(db, input.Skills, "skills", ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return agent;
    }

    /// <summary>Agents are never deleted while they have history; they leave.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound(Thing.Agent);
        if (await db.TrainingEnrollments.AnyAsync(e => e.AgentId == id, ct))
        {
            agent.Status = AgentStatus.Left;
        }
        else
        {
            db.Agents.Remove(agent);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<AgentResponse?> FindAsync(Guid id, CancellationToken ct) =>
        (await ResponsesAsync(db.Agents.Where(a => a.Id == id), ct)).SingleOrDefault();

    public async Task<List<AgentResponse>> ResponsesAsync(IQueryable<Agent> agents, CancellationToken ct)
    {
        var rows = await agents.AsNoTracking().ToListAsync(ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var ids = rows.Select(a => a.Id).ToList();
        var trained = await Training.TrainingQueries.TrainedForAsync(db, ids, clock.GetUtcNow(), ct);
        return [.. rows.Select(a => new AgentResponse(
            a.Id, a.VendorId, a.ExternalRef, a.DisplayName, Skills.SkillCodes.Codes(a.SkillIds, codes), a.Languages,
            a.Status, a.MaxWeeklyHours, a.Notes, a.CreatedAt, a.UpdatedAt,
            trained.GetValueOrDefault(a.Id, [])))];
    }

    /// <summary>Vendor managers write their own vendor's agents; tenant staff name the vendor.</summary>
    public async Task<Guid> VendorForWriteAsync(Guid? requested, CancellationToken ct)
    {
        var s = scope.Required;
        if (s.VendorId is { } own)
        {
            if (requested is { } other && other != own) throw new NotFound(Thing.Vendor);
            return own;
        }
        if (requested is not { } vendorId) throw new RuleViolation("vendorId", AgentRules.NameTheVendor);
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct)) throw new RuleViolation("vendorId", CommonRules.NoSuchVendorInTenant);
        return vendorId;
    }

    private static void Apply(Agent agent, AgentInput input, IEnumerable<Guid> skillIds, DateTimeOffset now)
    {
        agent.DisplayName = input.DisplayName.Trim();
        agent.Languages = [.. input.Languages.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        agent.Status = input.Status;
        agent.MaxWeeklyHours = input.MaxWeeklyHours;
        agent.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        agent.SkillIds = [.. skillIds];
    }
}
