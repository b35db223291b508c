using Npgsql;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Nodes;

/// <summary>The two-node tests run alone: two app processes and their database compete for the same cores as the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoNodeCollection : ICollectionFixture<TwoNodes>
{
    public const string Name = "two nodes";
}

/// <summary>
/// One fresh PostgreSQL database and two app processes, A and B, started at the same moment on it while it is still empty.
/// Dispose kills every node started here and drops the database.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.ForSuite(Path.GetTempPath());
    private readonly List<AppNode> started = [];

    public AppNode A => started[0];
    public AppNode B => started[1];
    /// <summary>Every node started here, killed ones too (their mail folders stay until the end).</summary>
    public IReadOnlyList<AppNode> Started => started;

    public async Task InitializeAsync()
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        await database.CreateAsync();
        var both = new[] { StartNode("a"), StartNode("b") };
        await Task.WhenAll(both.Select(n => n.WaitReadyAsync()));
    }

    /// <summary>Another process on the same database, e.g. one the test kills; disposed with the others.</summary>
    public AppNode StartNode(string name)
    {
        var node = AppNode.Start(name, database.ConnectionString!);
        lock (started) started.Add(node);
        return node;
    }

    public string NodeOutput => string.Join("\n", started.Select(n => n.Output));

    /// <summary>A single value read straight from the database, e.g. a count.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row read straight from the database.</summary>
    public async Task<List<T>> ColumnAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in started) await node.DisposeAsync();
        if (database.Provider == DatabaseProvider.PostgreSql) await database.DropAsync();
    }
}
