using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace VendorPortal.Web.Shared;

/// <summary>Puts validator failures and rule violations from the shared operations beside the form fields.</summary>
public static class PageErrors
{
    public static bool Validate<TModel>(this ModelStateDictionary state, IValidator<TModel> validator, TModel model, string prefix,
        IStringLocalizer T, Func<string, string?>? keyOf = null)
    {
        foreach (var failure in validator.Validate(model).Errors)
            state.AddModelError(keyOf?.Invoke(failure.PropertyName) ?? Key(prefix, failure.PropertyName), Message(failure, T));
        // The same text rule as every API request: no control characters or broken characters in what is stored.
        foreach (var (field, message) in TextRules.Check(model))
            state.AddModelError(keyOf?.Invoke(field) ?? Key(prefix, field), T[message]);
        return state.IsValid;
    }

    /// <summary>The broken rule's text, in the reader's language, beside its field (or above the form).</summary>
    public static void Add(this ModelStateDictionary state, RuleViolation rule, string prefix, string? message = null) =>
        state.AddModelError(Key(prefix, rule.Field), message ?? rule.Error.Text());

    private static string Message(ValidationFailure failure, IStringLocalizer T)
    {
        // A message the validator wrote itself is a resource key; FluentValidation's own defaults name the property in quotes.
        if (failure.FormattedMessagePlaceholderValues is not { } values
            || !values.TryGetValue("PropertyName", out var property)
            || !failure.ErrorMessage.Contains($"'{property}'", StringComparison.Ordinal))
            return T[failure.ErrorMessage];
        return failure.ErrorCode switch
        {
            "NotEmptyValidator" or "NotNullValidator" => T["This field is required."],
            "EmailValidator" => T["Enter a valid e-mail address."],
            "MaximumLengthValidator" => T["Use at most {0} characters.", values["MaxLength"]],
            "InclusiveBetweenValidator" => T["Enter a value from {0} to {1}.", values["From"], values["To"]],
            _ => T[failure.ErrorMessage],
        };
    }

    private static string Key(string prefix, string field)
    {
        if (field.Length == 0 || field == "generalErrors") return "";
        var name = char.ToUpperInvariant(field[0]) + field[1..];
        return prefix.Length == 0 ? name : $"{prefix}.{name}";
    }
}
