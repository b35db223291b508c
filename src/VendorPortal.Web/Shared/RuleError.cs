using System.Resources;

namespace VendorPortal.Web.Shared;

/// <summary>
/// A broken business rule as a value: a stable code and the values its text names. The texts, one per code and language,
/// are in Resources/RuleMessages*.resx; each capability lists its rules in a catalogue (e.g. ShiftRules), the common ones
/// are in <see cref="CommonRules"/>.
/// </summary>
public sealed record RuleError(string Code, params object[] Args)
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly ResourceManager Texts = new("VendorPortal.Web.Resources.RuleMessages", typeof(RuleError).Assembly);

    /// <summary>The text in the given language, its numbers and dates formatted in that culture.</summary>
    public string Text(CultureInfo culture) =>
        string.Format(culture, Texts.GetString(Code, culture) ?? throw new InvalidOperationException($"Rule {Code} has no text."),
            [.. Args.Select(a => Arg(a, culture))]);

    /// <summary>The text in the language of the current request (the portal's choice, or the API's Accept-Language).</summary>
    public string Text() => Text(CultureInfo.CurrentUICulture);

    /// <summary>The problems a rule lists one by one (every agent an enrolment refuses, every problem of an import line), or itself.</summary>
    public IReadOnlyList<RuleError> Parts => Args is [RuleList list] ? list.Items : [this];

    public override string ToString() => Text(English);

    // A rule that names other rules (a status, every agent an enrolment refuses) shows their texts in the same language.
    private static object Arg(object value, CultureInfo culture) => value switch
    {
        RuleError inner => inner.Text(culture),
        RuleList list => string.Join(list.Separator, list.Items.Select(e => e.Text(culture))),
        _ => value,
    };
}

/// <summary>An argument naming several rules at once (every agent an enrolment refuses), shown one after the other.</summary>
public sealed record RuleList(IReadOnlyList<RuleError> Items, string Separator);
