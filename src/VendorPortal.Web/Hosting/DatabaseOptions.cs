namespace VendorPortal.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default, embedded), "PostgreSql" or "SqlServer".</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);
    /// <summary>For SQLite, empty means a file in the data folder; required for the server databases.</summary>
    public string? ConnectionString { get; set; }
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Seeds the demo tenants and users of the public contract (never in production).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>The provider named by <see cref="Provider"/>; a name that is none of the three stops the start with one clear message.</summary>
    public DatabaseProvider Kind =>
        // By name only: Enum.TryParse would also take "1" for SqlServer.
        Enum.GetValues<DatabaseProvider>().Where(p => p.ToString().Equals(Provider.Trim(), StringComparison.OrdinalIgnoreCase))
            .Cast<DatabaseProvider?>().SingleOrDefault()
            ?? throw new StartupError(
                $"{Section}:Provider is \"{Provider}\", which is not a database VendorPortal runs on. Use Sqlite, PostgreSql or SqlServer.");

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
}
