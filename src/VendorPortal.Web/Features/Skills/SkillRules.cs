namespace VendorPortal.Web.Features.Skills;

/// <summary>The rules of skills. Texts in Resources/RuleMessages*.resx.</summary>
public static class SkillRules
{
    public static RuleError CodeTaken(string code) => new("skill.code_taken", code);
    public static RuleError Unknown(IEnumerable<string> codes) => new("skill.unknown", string.Join(", ", codes));
}
