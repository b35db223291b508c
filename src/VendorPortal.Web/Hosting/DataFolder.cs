namespace VendorPortal.Web.Hosting;

/// <summary>The one folder where the app writes: database, data-protection keys, mail pickup, documents.</summary>
public sealed class DataFolder
{
    public const string EnvironmentVariable = "VENDORPORTAL_DATA";

    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Sub(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public static DataFolder From(IConfiguration configuration) =>
        new(configuration[EnvironmentVariable] ?? configuration["DataFolder"] ?? "data");
}
