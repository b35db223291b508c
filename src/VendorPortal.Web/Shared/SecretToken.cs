using System.Security.Cryptography;
using System.Text;

namespace VendorPortal.Web.Shared;

/// <summary>
/// A bearer secret such as an API key ("vpk_…") or a calendar link ("vpc_…"): a public prefix to find it by and a random
/// secret. Only the hash is stored; the plain text is shown once.
/// </summary>
public static class SecretToken
{
    public static (string PlainText, string Prefix, string Hash) Generate(string marker)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var plain = $"{marker}_{prefix}_{secret}";
        return (plain, prefix, Hash(plain));
    }

    public static string? PrefixOf(string plain, string marker)
    {
        var parts = plain.Split('_');
        return parts.Length == 3 && parts[0] == marker && parts[1].Length == 12 && parts[2].Length > 0 ? parts[1] : null;
    }

    public static string Hash(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));

    public static bool Matches(string plain, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(plain)), Encoding.ASCII.GetBytes(hash));
}
