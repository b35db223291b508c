using System.Diagnostics;
using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;

namespace VendorPortal.Web.Hosting;

/// <summary>Turns the exceptions that mean "your request was wrong" into problem details, in the API's one error shape.</summary>
public sealed class ApiErrors : IExceptionHandler
{
    private const int SqliteConstraintUnique = 2067;
    // Messages name Chinese vendors and agents: keep them readable rather than \u-escaped.
    private static readonly JsonSerializerOptions Readable = new(JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private const int SqliteConstraintPrimaryKey = 1555;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        (int Status, string Field, string Message)? problem = exception switch
        {
            RuleViolation rule => (rule.Status, rule.Field, rule.Message),
            TooManySignInAttempts many => (StatusCodes.Status429TooManyRequests, "", many.Message),
            NotFound missing => (StatusCodes.Status404NotFound, "", missing.Message),
            BadHttpRequestException bad => (bad.StatusCode, "", bad.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "", "Someone else changed this record at the same time. Reload and try again."),
            DbUpdateException db when IsUniqueViolation(db) => (StatusCodes.Status409Conflict, "", "A record with the same key already exists."),
            _ => null,
        };
        // The middleware has already switched the path to the error page; the request's own path is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (exception is TooManySignInAttempts wait)
            http.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            if (problem is { } known) http.Response.StatusCode = known.Status;
            return false;
        }
        var p = problem ?? (StatusCodes.Status500InternalServerError, "", "An unexpected error occurred. It has been logged.");
        if (problem is null)
            http.RequestServices.GetRequiredService<ILogger<ApiErrors>>().LogError(exception, "Unhandled API error");

        var failures = exception is RuleViolation { Rows.Count: > 0 } rows
            ? [.. rows.Rows.Select(r => new ValidationFailure(r.Field, r.Message))]
            : p.Field.Length == 0 && p.Status == StatusCodes.Status404NotFound
            ? new List<ValidationFailure>()
            : [new ValidationFailure(p.Field.Length == 0 ? "generalErrors" : p.Field, p.Message)];
        var details = new FastEndpoints.ProblemDetails(failures, path, Activity.Current?.Id ?? http.TraceIdentifier, p.Status)
        {
            Detail = p.Message,
        };
        // Written here rather than by details.ExecuteAsync, which would label it application/json.
        http.Response.StatusCode = p.Status;
        await http.Response.WriteAsJsonAsync(details, Readable, "application/problem+json", ct);
        return true;
    }

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT (19) also covers foreign-key, NOT NULL and CHECK failures; only these two are duplicates.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
