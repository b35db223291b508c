
namespace VendorPortal.Web.Features.Skills.Api;

public sealed class CreateSkill(SkillOperations skills) : Endpoint<SkillInput, SkillResponse>
{
    public override void Configure()
    {
        Post("skills");
        Summary(s => s.Summary = "Adds a skill to the tenant.");
        Group<TenantGroup>();
        Description(b => b.ClearDefaultProduces(200).Produces<SkillResponse>(201));
        Policies(nameof(Permission.ManageSkills));
    }

    public override async Task HandleAsync(SkillInput req, CancellationToken ct)
    {
        var skill = await skills.CreateAsync(req, ct);
        await Send.ResponseAsync(new SkillResponse(skill.Id, skill.Code, skill.Name, skill.Description), StatusCodes.Status201Created, ct);
    }
}
