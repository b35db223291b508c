using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace VendorPortal.Web.Hosting;

/// <summary>Where the data-protection keys live: an optional certificate encrypts them at rest.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";
    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the keys in the database; empty keeps them unencrypted.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

public static class KeyRing
{
    /// <summary>
    /// The key ring lives in the app database on every provider, so every node reads the same keys (a cookie or token
    /// issued by one node works on the others) and sign-ins survive a restart; nothing is kept on local disk.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new();
        var protection = services.AddDataProtection().SetApplicationName("VendorPortal").PersistKeysToDbContext<AppDbContext>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!File.Exists(options.CertificatePath))
                throw new InvalidOperationException($"{KeyRingOptions.Section}:CertificatePath names \"{options.CertificatePath}\", which does not exist.");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{KeyRingOptions.Section}:CertificatePath names a certificate without its private key, which could not decrypt the keys.");
            protection.ProtectKeysWithCertificate(certificate);
        }
        return services;
    }

    /// <summary>
    /// Data protection's hosted service reads the key ring as the host starts, when the database may be unreachable or
    /// not yet migrated; without it <see cref="DatabaseStartup"/> reads the ring once the database is ready. Called once every service is added
    /// (Identity adds data protection, and so the hosted service, again).
    /// </summary>
    public static IServiceCollection ReadKeyRingAfterStartup(this IServiceCollection services)
    {
        foreach (var prefetch in services.Where(d => d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
            services.Remove(prefetch);
        return services;
    }
}
