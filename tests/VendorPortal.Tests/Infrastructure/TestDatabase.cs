// Where a test host keeps its data. By default a SQLite file in the host's temp data folder. Two environment
// variables point the whole suite at a server instead, each host on a database of its own (so hosts stay parallel),
// created empty before start-up (so the migrations and Hangfire's storage find it) and dropped on dispose:
//   VENDORPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres"          (scripts/test.sh sets this)
//   VENDORPORTAL_TEST_SQLSERVER="Server=localhost,1433;User Id=sa;Password=...;TrustServerCertificate=True"
// The database name in the variable is ignored; the rest of the connection string is used as given.
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Infrastructure;

public sealed class TestDatabase
{
    public const string PostgreSqlVariable = "VENDORPORTAL_TEST_POSTGRES";
    public const string SqlServerVariable = "VENDORPORTAL_TEST_SQLSERVER";

    private readonly string dataFolder;

    private TestDatabase(DatabaseProvider provider, string? connectionString, string dataFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.dataFolder = dataFolder;
    }

    public DatabaseProvider Provider { get; }
    /// <summary>The server database's connection string; null for SQLite, whose file the app finds in its data folder.</summary>
    public string? ConnectionString { get; }
    /// <summary>The provider the suite runs on, from the environment.</summary>
    public static DatabaseProvider SuiteProvider =>
        Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } ? DatabaseProvider.PostgreSql
        : Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } ? DatabaseProvider.SqlServer
        : DatabaseProvider.Sqlite;

    public static TestDatabase ForSuite(string dataFolder)
    {
        var name = $"vp_test_{Guid.NewGuid():N}";
        return SuiteProvider switch
        {
            DatabaseProvider.PostgreSql => new(DatabaseProvider.PostgreSql,
                new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgreSqlVariable)) { Database = name }.ConnectionString, dataFolder),
            DatabaseProvider.SqlServer => new(DatabaseProvider.SqlServer,
                new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerVariable)) { InitialCatalog = name }.ConnectionString, dataFolder),
            _ => new(DatabaseProvider.Sqlite, null, dataFolder),
        };
    }

    /// <summary>The app settings that put a host on this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
        Provider == DatabaseProvider.Sqlite ? [] :
        [
            new("Database:Provider", Provider.ToString()),
            new("Database:ConnectionString", ConnectionString),
        ];

    public async Task CreateAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                await OnPostgresServerAsync($"CREATE DATABASE \"{DatabaseName}\"");
                break;
            case DatabaseProvider.SqlServer:
                await OnSqlServerMasterAsync($"CREATE DATABASE [{DatabaseName}]");
                break;
        }
    }

    public async Task DropAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                using (var connection = new NpgsqlConnection(ConnectionString))
                    NpgsqlConnection.ClearPool(connection);
                await OnPostgresServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
                break;
            case DatabaseProvider.SqlServer:
                using (var connection = new SqlConnection(ConnectionString))
                    SqlConnection.ClearPool(connection);
                await OnSqlServerMasterAsync($"IF DB_ID('{DatabaseName}') IS NOT NULL BEGIN ALTER DATABASE [{DatabaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{DatabaseName}]; END");
                break;
            default:
                // Only this host's pools: another host of the suite may still be running.
                using (var sqlite = new SqliteConnection(Database.SqliteConnectionString(new DatabaseOptions(), new DataFolder(dataFolder))))
                    SqliteConnection.ClearPool(sqlite);
                break;
        }
    }

    private string DatabaseName => Provider switch
    {
        DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(ConnectionString).Database!,
        _ => new SqlConnectionStringBuilder(ConnectionString).InitialCatalog,
    };

    private async Task OnPostgresServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task OnSqlServerMasterAsync(string sql)
    {
        var master = new SqlConnectionStringBuilder(ConnectionString) { InitialCatalog = "master" };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
