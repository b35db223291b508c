
namespace VendorPortal.Web.Features.Skills.Api;

public sealed class ListSkillsRequest : PageRequest;

public sealed class ListSkillsValidator : PageRequestValidator<ListSkillsRequest>;

public sealed class ListSkills(SkillList skills) : Endpoint<ListSkillsRequest, Paged<SkillResponse>>
{
    public override void Configure()
    {
        Get("skills");
        Summary(s => s.Summary = "The tenant's skills, a page at a time.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadSkills));
    }

    public override async Task HandleAsync(ListSkillsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await skills.PageAsync(req, ct), ct);
}
