namespace VendorPortal.Web.Features.Agents.Pages;

/// <summary>What the agent form partial needs besides the values: the choices and whether the agent exists yet.</summary>
public sealed record AgentFormView(AgentForm Input, IReadOnlyList<SkillOption> Skills, IReadOnlyDictionary<Guid, string> Vendors, bool IsNew, bool PicksVendor);
