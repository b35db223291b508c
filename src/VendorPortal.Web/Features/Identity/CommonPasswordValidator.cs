using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace VendorPortal.Web.Features.Identity;

/// <summary>
/// Refuses passwords found on public breach lists and ones built from the user's own e-mail, following
/// NIST SP 800-63B: length matters, composition rules do not.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        var local = user.Email?.Split('@')[0].ToLowerInvariant();
        var isCommon = Common.Value.Contains(lower)
            || IsRepetitive(lower)
            || (!string.IsNullOrEmpty(local) && local.Length >= 4 && lower.Contains(local));
        return Task.FromResult(isCommon
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common or too easy to guess. Choose a longer phrase that is yours alone.",
            })
            : IdentityResult.Success);
    }

    private static bool IsRepetitive(string password) => password.Distinct().Count() <= 2;

    private static HashSet<string> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
