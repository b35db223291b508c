using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace VendorPortal.Web.Hosting;

/// <summary>The database is not there yet (start-up has not finished): the request may be repeated shortly.</summary>
public sealed class DatabaseNotReady(string message) : Exception(message);

/// <summary>A setting that keeps the app from starting: its message is the one line the operator reads.</summary>
public sealed class StartupError(string message) : InvalidOperationException(message);

public static class DatabaseFaults
{
    /// <summary>Seconds a client is told to wait before repeating a request that met an unreachable database.</summary>
    public const int RetryAfterSeconds = 5;

    // Connection lost, server shutting down or starting, too many connections, network-level SqlClient errors.
    private static readonly HashSet<int> SqlServerTransient = [-2, 53, 64, 233, 10053, 10054, 10060, 10061, 11001, 40143, 40197, 40501, 40613, 49918, 49919, 49920, 4060];

    /// <summary>
    /// The server could not be reached or dropped the connection: a fault of the moment, not of the request, so it
    /// answers 503 and start-up retries it. Anything else (a wrong password, a missing table) is a real error.
    /// </summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        DatabaseNotReady => true,
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient,
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => SqlServerTransient.Contains(e.Number)),
        TimeoutException or System.Net.Sockets.SocketException => true,
        DbException => false,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };
}
