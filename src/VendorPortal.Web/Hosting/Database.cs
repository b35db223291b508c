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
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
            .ScopedTo(sp.GetRequiredService<AccessScopeAccessor>()));
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

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.MigrateOnStartup)
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers run beside the writer; it persists in the file once set.
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.CloseConnectionAsync();
            }
            await db.Database.MigrateAsync();
        }
        if (options.SeedDemoData)
            await Features.Demo.DemoSeeder.SeedAsync(app.Services);
    }

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
            ? throw new InvalidOperationException($"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is {options.Kind}.")
            : options.ConnectionString;
}
