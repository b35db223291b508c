using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
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
        (int Status, string Field, RuleError? Error, string Message)? problem = exception switch
        {
            RuleViolation rule => (rule.Status, rule.Field, rule.Error, ""),
            TooManySignInAttempts many => (StatusCodes.Status429TooManyRequests, "", null, many.Message),
            NotFound missing => (StatusCodes.Status404NotFound, "", missing.Error, ""),
            BadHttpRequestException bad => (bad.StatusCode, "", null, bad.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "", CommonRules.ChangedConcurrently, ""),
            DbUpdateException db when IsUniqueViolation(db) => (StatusCodes.Status409Conflict, "", CommonRules.DuplicateKey, ""),
            _ when DatabaseFaults.IsUnreachable(exception) => (StatusCodes.Status503ServiceUnavailable, "", CommonRules.DatabaseUnavailable, ""),
            _ => null,
        };
        // The middleware has already switched the path to the error page; the request's own path is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (exception is TooManySignInAttempts wait)
            http.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.RequestServices.GetRequiredService<ILogger<ApiErrors>>().LogWarning("{Method} {Path} answered 503: the database is not reachable ({Reason})",
                http.Request.Method, path, exception.GetBaseException().Message);
        }
        // The exception handler runs outside the localization middleware: the request's language is in its feature.
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? RuleError.English;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            if (problem is { Status: StatusCodes.Status503ServiceUnavailable })
            {
                await UnavailablePageAsync(http, culture);
                return true;
            }
            if (problem is { } known) http.Response.StatusCode = known.Status;
            return false;
        }
        var p = problem ?? (StatusCodes.Status500InternalServerError, "", null, "An unexpected error occurred. It has been logged.");
        if (problem is null)
            http.RequestServices.GetRequiredService<ILogger<ApiErrors>>().LogError(exception, "Unhandled API error");

        var message = p.Error?.Text(culture) ?? p.Message;
        var failures = exception is RuleViolation { Rows.Count: > 0 } rows
            ? [.. rows.Rows.Select(r => Failure(r.Field, r.Error, culture))]
            : p.Field.Length == 0 && p.Status == StatusCodes.Status404NotFound
            ? new List<ValidationFailure>()
            : [new ValidationFailure(p.Field.Length == 0 ? "generalErrors" : p.Field, message) { ErrorCode = p.Error?.Code }];
        var details = new FastEndpoints.ProblemDetails(failures, path, Activity.Current?.Id ?? http.TraceIdentifier, p.Status)
        {
            Detail = message,
        };
        var body = JsonSerializer.SerializeToNode(details, Readable)!.AsObject();
        // The broken rule's stable code beside its text, for the problem and for each error (RFC 9457 extension members).
        if (p.Error is { } error) body["code"] = error.Code;
        var codes = failures.Where(f => f.ErrorCode is not null).GroupBy(f => f.PropertyName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().ErrorCode, StringComparer.OrdinalIgnoreCase);
        foreach (var e in (body["errors"] as JsonArray ?? []).OfType<JsonObject>())
            if ((string?)e["name"] is { } name && codes.TryGetValue(name, out var code)) e["code"] = code;
        // Written here rather than by details.ExecuteAsync, which would label it application/json.
        http.Response.StatusCode = p.Status;
        await http.Response.WriteAsJsonAsync(body, Readable, "application/problem+json", ct);
        return true;
    }

    /// <summary>
    /// The portal's answer while the database is unreachable: a page of its own, because the error page's layout
    /// needs the data-protection keys (for its forms), which live in that database.
    /// </summary>
    private static Task UnavailablePageAsync(HttpContext http, System.Globalization.CultureInfo culture)
    {
        var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>().Create(typeof(SharedResource));
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        var title = System.Net.WebUtility.HtmlEncode(text["Service unavailable"]);
        var message = System.Net.WebUtility.HtmlEncode(text["The database cannot be reached right now. Try again in a few seconds."]);
        System.Globalization.CultureInfo.CurrentUICulture = previous;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{culture.Name}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{message}</p></body></html>");
    }

    private static ValidationFailure Failure(string field, RuleError error, System.Globalization.CultureInfo culture) =>
        new(field, error.Text(culture)) { ErrorCode = error.Code };

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT (19) also covers foreign-key, NOT NULL and CHECK failures; only these two are duplicates.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sql => sql.Number is 2601 or 2627,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
