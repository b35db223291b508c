namespace VendorPortal.Web.Features.Agents;

/// <summary>The rules of agents, their import and the reserve pool. Texts in Resources/RuleMessages*.resx.</summary>
public static class AgentRules
{
    public static RuleError Status(AgentStatus status) => new($"agent.status.{status.ToString().ToLowerInvariant()}");
    public static RuleError ReferenceTaken(string reference) => new("agent.reference_taken", reference);
    public static RuleError ReferenceFixed => new("agent.reference_fixed");
    public static RuleError NameTheVendor => new("agent.name_the_vendor");
    public static RuleError PoolNoSuchVendor(int row) => new("pool.no_such_vendor", row);
    public static RuleError PoolUnknownSkill(int row, string skill) => new("pool.unknown_skill", row, skill);

    public static RuleError ImportNotUtf8 => new("agent.import.not_utf8");
    public static RuleError MissingReference => new("agent.import.missing_reference");
    public static RuleError ReferenceTooLong => new("agent.import.reference_too_long");
    public static RuleError DuplicateReference(string reference, long firstLine) => new("agent.import.duplicate_reference", reference, firstLine);
    public static RuleError MissingName => new("agent.import.missing_name");
    public static RuleError NameTooLong => new("agent.import.name_too_long");
    public static RuleError UnknownSkill(IEnumerable<string> codes) => new("agent.import.unknown_skill", string.Join(", ", codes));
    public static RuleError BadLanguage(IEnumerable<string> tags) => new("agent.import.bad_language", string.Join(", ", tags));
    public static RuleError BadStatus(string status) => new("agent.import.bad_status", status);
    public static RuleError BadHours(string hours) => new("agent.import.bad_hours", hours);
    public static RuleError NotesTooLong => new("agent.import.notes_too_long");
}
