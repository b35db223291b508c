using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Features.Notifications;

/// <summary>
/// Which categories of notification e-mail a person receives, shared by the API, the preferences page and the
/// unsubscribe link. A person's own choice, not a tenant's data: it needs no tenant scope and writes no tenant audit entry.
/// </summary>
public sealed class NotificationPreferences(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every category, with whether the person receives it.</summary>
    public async Task<IReadOnlyList<(NotificationCategory Category, bool Receive)>> OfAsync(Guid userId, CancellationToken ct)
    {
        var off = await db.NotificationOptOuts.Where(o => o.UserId == userId).Select(o => o.Category).ToListAsync(ct);
        return [.. NotificationCategories.All.Select(c => (c, !off.Contains(c)))];
    }

    /// <summary>Sets the categories named; the others keep their setting. Saving the same choice again changes nothing.</summary>
    public async Task SetAsync(Guid userId, IReadOnlyDictionary<NotificationCategory, bool> receive, CancellationToken ct)
    {
        var existing = await db.NotificationOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
        foreach (var (category, on) in receive)
        {
            var optOut = existing.SingleOrDefault(o => o.Category == category);
            if (on && optOut is not null) db.NotificationOptOuts.Remove(optOut);
            if (!on && optOut is null) db.NotificationOptOuts.Add(new NotificationOptOut { UserId = userId, Category = category, OptedOutAt = clock.GetUtcNow() });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same choice at once (a double click, a mail client's one-click POST beside the browser):
            // the other one wrote the same rows, so the choice stands.
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// The signed one-click unsubscribe address of an e-mail: it names the person and the category and is protected with the
/// app's data-protection keys (shared by every node), so it cannot be forged or pointed at someone else. It does not expire:
/// a link in an old e-mail must still stop the mail it came with, and unsubscribing twice is harmless.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IOptions<MailOptions> mail)
{
    public const string PathPrefix = "/unsubscribe/";

    private IDataProtector Protector => protection.CreateProtector("VendorPortal.Unsubscribe.v1");

    public string For(Guid userId, NotificationCategory category) =>
        $"{mail.Value.PublicBaseUrl.TrimEnd('/')}{PathPrefix}{Token(userId, category)}";

    public string Token(Guid userId, NotificationCategory category) =>
        WebEncoders.Base64UrlEncode(Protector.Protect(Encoding.UTF8.GetBytes($"{userId:N}|{category}")));

    /// <summary>The person and category a token names; null for anything not made here.</summary>
    public (Guid UserId, NotificationCategory Category)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var userId)
                && Enum.TryParse<NotificationCategory>(parts[1], out var category) && Enum.IsDefined(category)
                ? (userId, category)
                : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The portal page where a person chooses what they receive.</summary>
    public string PreferencesPage => $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/account/notifications";
}
