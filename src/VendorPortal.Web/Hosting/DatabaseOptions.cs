namespace VendorPortal.Web.Hosting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default, embedded) or "SqlServer".</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>For SQLite, empty means a file in the data folder.</summary>
    public string? ConnectionString { get; set; }
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Seeds the demo tenants and users of the public contract (never in production).</summary>
    public bool SeedDemoData { get; set; }

    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);
}
