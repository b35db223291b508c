using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace VendorPortal.Web.Shared;

/// <summary>
/// The one rule for text that users send, applied to every string of every API request (a global pre-processor)
/// and of every page form (<see cref="PageErrors.Validate{TModel}"/>): no control characters and no lone
/// surrogates; tabs and line breaks only in multi-line free text (reasons, notes, descriptions, messages).
/// </summary>
public static class TextRules
{
    public const string ControlCharacters = "Remove the control characters from this text.";
    public const string LineBreaks = "Write this on one line, without tabs or line breaks.";
    public const string BrokenCharacters = "This text holds a broken character (a lone surrogate).";
    public const string NoBody = "Send a JSON body: this operation takes one.";

    // Matched against the end of the property name: DeclineReason, VoidReason, ResponseMessage, ...
    private static readonly string[] MultilineNames = ["Reason", "Notes", "Description", "Message", "Comment"];

    /// <summary>Why <paramref name="value"/> is refused, or null.</summary>
    public static string? Problem(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return BrokenCharacters;
            }
            if (char.IsLowSurrogate(c)) return BrokenCharacters;
            if (c is '\t' or '\n' or '\r')
            {
                if (!multiline) return LineBreaks;
                continue;
            }
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF') return ControlCharacters;
        }
        return null;
    }

    public static bool IsMultiline(PropertyInfo property) =>
        MultilineNames.Any(n => property.Name.EndsWith(n, StringComparison.Ordinal));

    /// <summary>Every string in <paramref name="model"/> (nested objects and lists included) that breaks the rule, by field path.</summary>
    public static List<(string Field, string Message)> Check(object? model)
    {
        var problems = new List<(string, string)>();
        if (model is not null) Walk(model, "", problems, 0);
        return problems;
    }

    private static void Walk(object model, string path, List<(string, string)> problems, int depth)
    {
        if (depth > 8) return;
        foreach (var property in Properties(model.GetType()))
        {
            var value = property.GetValue(model);
            // A [FromBody] property is the whole JSON body: its fields are named as the caller wrote them.
            var name = property.GetCustomAttribute<FromBodyAttribute>() is not null ? path : Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            switch (value)
            {
                case null:
                    break;
                case string text:
                    if (Problem(text, IsMultiline(property)) is { } message) problems.Add((name, message));
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        var itemName = $"{name}[{index++}]";
                        if (item is string s)
                        {
                            if (Problem(s, multiline: false) is { } itemProblem) problems.Add((itemName, itemProblem));
                        }
                        else if (item is not null && IsOwnType(item.GetType())) Walk(item, itemName, problems, depth + 1);
                    }
                    break;
                default:
                    if (IsOwnType(value.GetType())) Walk(value, name, problems, depth + 1);
                    break;
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static bool IsOwnType(Type type) => type.IsClass && type.Assembly == typeof(TextRules).Assembly;

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0);
}
