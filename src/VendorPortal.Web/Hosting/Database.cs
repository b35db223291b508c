using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Hosting;

public static class Database
{
    public const string SqliteMigrations = "VendorPortal.Migrations.Sqlite";
    public const string SqlServerMigrations = "VendorPortal.Migrations.SqlServer";
    public const string PostgreSqlMigrations = "VendorPortal.Migrations.PostgreSql";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, DataFolder data)
    {
        AssemblyLoadContext.Default.Resolving += LoadMigrationsAssembly;
        var options = DatabaseOptions.From(configuration);
        var provider = options.Kind;
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddScoped<AccessScopeAccessor>();
        services.AddSingleton<SaveRules>();
        services.AddScoped<BulkChanges>();
        var sqlite = SqliteConnectionString(options, data);
        CheckConnectionString(options, provider == DatabaseProvider.Sqlite ? sqlite : Required(options));
        // Options are built once: the interceptor reads the scope from the context it is given.
        // Contexts are pooled (setting one up costs more than the tenancy query it runs); each request or job leases
        // one for its DI scope and hands it that scope's access scope, and disposing the DI scope returns it.
        services.AddPooledDbContextFactory<AppDbContext>((sp, db) =>
        {
            _ = provider switch
            {
                DatabaseProvider.SqlServer => db.UseSqlServer(Required(options), o => o.MigrationsAssembly(SqlServerMigrations)),
                DatabaseProvider.PostgreSql => db.UseNpgsql(Required(options), o => o.MigrationsAssembly(PostgreSqlMigrations)),
                _ => db.UseSqlite(sqlite, o => o.MigrationsAssembly(SqliteMigrations)),
            };
            db.AddInterceptors(sp.GetRequiredService<SaveRules>());
            // An unreachable server is reported once, by the start-up's retry line or the request's 503 line, not also
            // as an error with a stack trace for every attempt.
            db.ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Debug)));
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
            .ScopedTo(sp.GetRequiredService<AccessScopeAccessor>()));
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        return services;
    }

    public static string SqliteConnectionString(DatabaseOptions options, DataFolder data) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(data.Root, "vendorportal.db"),
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString()
            : options.ConnectionString;

    /// <summary>
    /// The migration projects reference the host (they need its model), so the host cannot reference them;
    /// their build copies them beside the host, and EF's load-by-name is answered from there.
    /// </summary>
    private static Assembly? LoadMigrationsAssembly(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is not (SqliteMigrations or SqlServerMigrations or PostgreSqlMigrations)) return null;
        var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path)
            ? context.LoadFromAssemblyPath(path)
            : throw new FileNotFoundException($"{name.Name}.dll is missing beside the host. Build the whole solution (dotnet build VendorPortal.sln).", path);
    }

    private static string Required(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new StartupError($"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is {options.Kind}.")
            : options.ConnectionString;

    /// <summary>
    /// A connection string the provider cannot read stops the start here, with one message, rather than as a retry
    /// loop that could never succeed. The message names the fault, never the string (it may hold a password).
    /// </summary>
    private static void CheckConnectionString(DatabaseOptions options, string connectionString)
    {
        string? server;
        try
        {
            server = options.Kind switch
            {
                DatabaseProvider.PostgreSql => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host,
                DatabaseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString).DataSource,
                _ => new SqliteConnectionStringBuilder(connectionString).DataSource,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StartupError($"{DatabaseOptions.Section}:ConnectionString is not a valid {options.Kind} connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(server))
            throw new StartupError($"{DatabaseOptions.Section}:ConnectionString names no {(options.Kind == DatabaseProvider.PostgreSql ? "Host" : "server")}.");
    }

    /// <summary>Where the database is, for log lines: host and port, or the file. Never the whole connection string.</summary>
    public static string Location(DatabaseOptions options, DataFolder data) => options.Kind switch
    {
        DatabaseProvider.PostgreSql => HostAndPort(new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString)),
        DatabaseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(options.ConnectionString).DataSource,
        _ => new SqliteConnectionStringBuilder(SqliteConnectionString(options, data)).DataSource,
    };

    private static string HostAndPort(Npgsql.NpgsqlConnectionStringBuilder server) => $"{server.Host}:{server.Port}";
}
