using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using VendorPortal.Web.Data;
using VendorPortal.Web.Hosting;
using SqliteFactory = VendorPortal.Migrations.Sqlite.DesignTimeFactory;
using SqlServerFactory = VendorPortal.Migrations.SqlServer.DesignTimeFactory;
using PostgreSqlFactory = VendorPortal.Migrations.PostgreSql.DesignTimeFactory;

namespace VendorPortal.Tests.Data;

public sealed partial class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    private static AppDbContext Context(string provider) => provider switch
    {
        "Sqlite" => new SqliteFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerFactory().CreateDbContext([]),
        "PostgreSql" => new PostgreSqlFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_match_the_model(string provider)
    {
        using var context = Context(provider);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} migrations do not match the model: run scripts/add-migration.sh <Name> to add one for both providers.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations_in_the_same_order()
    {
        using var sqlite = Context("Sqlite");
        using var sqlServer = Context("SqlServer");
        using var postgreSql = Context("PostgreSql");
        Assert.Equal(Names(sqlite), Names(sqlServer));

        // PostgreSQL started from one baseline of the model as it stood at KeyRingUploadsAndRowVersions; every later
        // migration exists for it too, in the same order.
        var pg = Names(postgreSql).ToList();
        Assert.Equal("PostgreSqlBaseline", pg[0]);
        Assert.Equal(Names(sqlite).SkipWhile(n => n != "KeyRingUploadsAndRowVersions").Skip(1), pg.Skip(1));

        static IEnumerable<string> Names(AppDbContext context) => context.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);
    }

    [Fact]
    public void Sql_server_idempotent_script_parses_without_errors()
    {
        using var context = Context("SqlServer");
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var batches = GoLine().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();
        Assert.NotEmpty(batches);

        // 170 is SQL Server 2025, the compatibility level EF Core 10 targets by default.
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var errors = new List<string>();
        foreach (var batch in batches)
        {
            using var reader = new StringReader(batch);
            parser.Parse(reader, out var batchErrors);
            errors.AddRange(batchErrors.Select(e => $"line {e.Line}: {e.Message}\n{batch.Trim()}"));
        }
        Assert.True(errors.Count == 0, string.Join("\n\n", errors));
        Assert.Contains("CREATE TABLE [Vendors]", script);
    }

    [PostgreSqlFact]
    public async Task PostgreSql_idempotent_script_builds_the_schema_and_runs_again_harmlessly()
    {
        using var context = Context("PostgreSql");
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var database = TestDatabase.ForSuite(Path.GetTempPath());
        await database.CreateAsync();
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            for (var run = 0; run < 2; run++)
            {
                await using var apply = new Npgsql.NpgsqlCommand(script, connection);
                await apply.ExecuteNonQueryAsync();
            }
            await using var history = new Npgsql.NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1", connection);
            var applied = new List<string>();
            await using (var reader = await history.ExecuteReaderAsync())
                while (await reader.ReadAsync()) applied.Add(reader.GetString(0));
            Assert.Equal(context.Database.GetMigrations(), applied);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}

[Collection(AppCollection.Name)]
public sealed class StartupMigrationTests(AppFactory app)
{
    [Fact]
    public async Task App_database_is_created_by_every_migration()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_database_file_in_the_data_folder_holds_the_migrations_history()
    {
        var file = Path.Combine(app.DataFolder, "vendorportal.db");
        if (app.Provider != DatabaseProvider.Sqlite)
        {
            Assert.False(File.Exists(file), $"The suite runs on {app.Provider}, yet the app wrote a SQLite database.");
            return;
        }
        Assert.True(File.Exists(file), $"No database file at {file}.");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) applied.Add(reader.GetString(0));

        using var design = new VendorPortal.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.Equal(design.Database.GetMigrations(), applied);
    }
}
