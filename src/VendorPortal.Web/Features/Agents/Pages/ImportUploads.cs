
namespace VendorPortal.Web.Features.Agents.Pages;

/// <summary>
/// Keeps an uploaded CSV between its preview and the confirmed import, so the person does not upload it twice.
/// Files sit in the data folder under a random name bound to the tenant and the person, and live an hour at most.
/// </summary>
public sealed class ImportUploads(DataFolder data, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<Guid> SaveAsync(AccessScope scope, Stream csv, CancellationToken ct)
    {
        RemoveExpired();
        var token = Guid.NewGuid();
        var path = PathOf(scope, token);
        await using (var file = File.Create(path))
            await csv.CopyToAsync(file, ct);
        // The age is measured on the app's clock, so the file's time must come from it too, not from the machine.
        File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
        return token;
    }

    /// <summary>The upload, or null when it expired or belongs to someone else.</summary>
    public Stream? Open(AccessScope scope, Guid token)
    {
        var path = PathOf(scope, token);
        if (!File.Exists(path) || clock.GetUtcNow() - File.GetLastWriteTimeUtc(path) > Lifetime) return null;
        return File.OpenRead(path);
    }

    public void Delete(AccessScope scope, Guid token) => File.Delete(PathOf(scope, token));

    private string PathOf(AccessScope scope, Guid token) =>
        Path.Combine(data.Sub("imports"), $"{scope.TenantId:N}-{scope.UserId:N}-{token:N}.csv");

    private void RemoveExpired()
    {
        foreach (var file in new DirectoryInfo(data.Sub("imports")).EnumerateFiles("*.csv"))
            if (clock.GetUtcNow() - file.LastWriteTimeUtc > Lifetime)
                file.Delete();
    }
}
