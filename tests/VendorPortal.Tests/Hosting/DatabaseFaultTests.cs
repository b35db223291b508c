using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// The app and its database server with a network between them that fails (a proxy the test controls): the app
/// starts without its database and waits for it, two nodes starting together prepare the database once, and a
/// connection lost in the middle of a write answers 503 and leaves nothing half-written.
/// </summary>
public sealed class DatabaseFaultTests
{
    [PostgreSqlFact]
    public Task App_started_while_the_database_is_unreachable_answers_503_until_it_comes_up() => ThroughProxyAsync(refusing: true, async (app, proxy, _) =>
    {
        using var client = app.Anonymous();
        using (var live = await client.GetAsync("/health/live"))
            await live.ShouldBe(HttpStatusCode.OK);
        using (var ready = await client.GetAsync("/health/ready"))
        {
            await ready.ShouldBe(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Unhealthy", (string?)(await ready.ReadObjectAsync())["checks"]!["startup"]);
        }
        using (var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email = DemoData.Admin, password = AppFactory.Password }))
        {
            var problem = await login.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("common.database_unavailable", (string?)problem["code"]);
            Assert.Equal(DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), login.Headers.RetryAfter?.ToString());
        }
        using (var page = await client.GetAsync(Pages.Login))
        {
            await page.ShouldBe(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType);
        }

        proxy.Accept();
        await app.Ready.WaitAsync(TimeSpan.FromMinutes(2));
        var body = await ReadyAsync(client);
        Assert.Equal(("Healthy", "Healthy", "Healthy"),
            ((string?)body["status"], (string?)body["checks"]!["database"], (string?)body["checks"]!["jobs"]));
        using var admin = await app.ClientFor(DemoData.Admin);
        using var vendors = await admin.SendAsync(ApiRoutes.Demo.Vendors.List);
        await vendors.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Apex BPO", await vendors.Content.ReadAsStringAsync());
    });

    [PostgreSqlFact]
    public async Task Two_nodes_starting_together_on_a_database_not_yet_created_create_migrate_and_seed_it_once()
    {
        var database = TestDatabase.ForSuite(Path.GetTempPath());
        var nodes = new[] { AppFactory.OnDatabase(database, new Dictionary<string, string?>()), AppFactory.OnDatabase(database, new Dictionary<string, string?>()) };
        try
        {
            await Task.WhenAll(nodes.Select(n => Task.Run(() => ((IAsyncLifetime)n).InitializeAsync())));
            await Task.WhenAll(nodes.Select(n => n.Ready)).WaitAsync(TimeSpan.FromMinutes(5));

            Assert.Equal(2L, await CountAsync(database, "SELECT COUNT(*) FROM \"Tenants\""));
            Assert.Equal(await CountAsync(database, "SELECT COUNT(DISTINCT (\"TenantId\", \"Name\")) FROM \"Vendors\""),
                await CountAsync(database, "SELECT COUNT(*) FROM \"Vendors\""));
            Assert.Equal(await CountAsync(database, "SELECT COUNT(DISTINCT (\"TenantId\", \"ExternalRef\")) FROM \"Agents\""),
                await CountAsync(database, "SELECT COUNT(*) FROM \"Agents\""));
            Assert.Equal(1L, await CountAsync(database, "SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = 'ADMIN@DEMO.TEST'"));
            foreach (var node in nodes)
            {
                using var client = node.Anonymous();
                await ReadyAsync(client);
            }
        }
        finally
        {
            foreach (var node in nodes) await ((IAsyncLifetime)node).DisposeAsync();
            await database.DropAsync();
        }
    }

    [PostgreSqlFact]
    public Task A_connection_lost_in_the_middle_of_a_write_answers_503_and_writes_nothing() => ThroughProxyAsync(refusing: false, async (app, proxy, database) =>
    {
        await app.Ready.WaitAsync(TimeSpan.FromMinutes(5));
        using var admin = await app.ClientFor(DemoData.Admin);
        var name = $"Cut BPO {Guid.NewGuid():N}"[..24];
        var audits = await CountAsync(database, "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'Vendor'");

        proxy.CutConnectionThatSends("INSERT INTO \"Vendors\"");
        using (var cut = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name }))
        {
            var problem = await cut.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("common.database_unavailable", (string?)problem["code"]);
            Assert.NotNull(cut.Headers.RetryAfter);
        }
        Assert.Equal(1, proxy.Cuts);
        Assert.Equal(0L, await CountAsync(database, $"SELECT COUNT(*) FROM \"Vendors\" WHERE \"Name\" = '{name}'"));
        Assert.Equal(audits, await CountAsync(database, "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'Vendor'"));

        // The next request gets a fresh connection and the same write succeeds, once.
        using (var again = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name }))
            await again.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(1L, await CountAsync(database, $"SELECT COUNT(*) FROM \"Vendors\" WHERE \"Name\" = '{name}'"));
    });

    /// <summary>A node on a new database of its own, reached through a proxy the test controls.</summary>
    private static async Task ThroughProxyAsync(bool refusing, Func<AppFactory, TcpProxy, TestDatabase, Task> test)
    {
        var database = await NewDatabaseAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(server.Host!, server.Port, refusing);
        var app = AppFactory.OnDatabase(database, new Dictionary<string, string?> { ["Database:ConnectionString"] = proxy.Route(database.ConnectionString!) });
        try
        {
            await ((IAsyncLifetime)app).InitializeAsync();
            await test(app, proxy, database);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            await database.DropAsync();
        }
    }

    private static async Task<TestDatabase> NewDatabaseAsync()
    {
        var database = TestDatabase.ForSuite(Path.GetTempPath());
        await database.CreateAsync();
        return database;
    }

    /// <summary>/health/ready, polled a bounded number of times until it answers 200 (the job server may still be registering).</summary>
    private static async Task<JsonObject> ReadyAsync(HttpClient client)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var ready = await client.GetAsync("/health/ready");
            if (ready.StatusCode == HttpStatusCode.OK || attempt == 50)
            {
                await ready.ShouldBe(HttpStatusCode.OK);
                return await ready.ReadObjectAsync();
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Read straight from the server, past the app and the proxy.</summary>
    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
