using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Hosting;

public sealed class ApiOptions
{
    public const string Section = "Api";
    /// <summary>Largest request body accepted, unless an endpoint states its own limit (imports do).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}

public static class Api
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddFastEndpoints(o => o.IncludeAbstractValidators = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.HttpContext.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
                c.ProblemDetails.Detail ??= "Send the body as application/json.";
        });
        services.AddExceptionHandler<ApiErrors>();
        services.AddApiDocument();
        // The API document describes numbers the way the API reads them: as JSON numbers only.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api";
            c.Errors.UseProblemDetails();
            c.Errors.ResponseBuilder = (failures, http, status) =>
                new FastEndpoints.ProblemDetails(BodyRelative(failures, http), http.Request.Path, http.TraceIdentifier, status);
            // Name the field by its JSON path ("[0].assignmentId"), which FastEndpoints loses for a body bound whole.
            c.Binding.JsonExceptionTransformer = e => new ValidationFailure(
                e.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "body", e.Message);
            c.Endpoints.Configurator = ep => ep.PreProcessors(Order.Before, new RequestTextCheck());
            c.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // "12" is not a number and "NaN" is not a decimal: a field takes the JSON type its schema states.
            c.Serializer.Options.NumberHandling = JsonNumberHandling.Strict;
            c.Serializer.Options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            c.Serializer.Options.Converters.Add(new InstantJsonConverter());
        });
        app.MapApiDocument();
        return app;
    }

    /// <summary>
    /// A request whose JSON body is one [FromBody] property (PUT /vendors/{id} binds the body to <c>Vendor</c>) has its
    /// validator's failures named under that property ("vendor.name"); the caller sent "name", so that is the name answered,
    /// as the JSON errors and the text rules name it.
    /// </summary>
    private static List<ValidationFailure> BodyRelative(List<ValidationFailure> failures, HttpContext http)
    {
        var body = http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType.GetProperties()
            .FirstOrDefault(p => p.GetCustomAttribute<FromBodyAttribute>() is not null);
        if (body is null) return failures;
        foreach (var failure in failures)
        {
            var name = failure.PropertyName;
            if (name.Equals(body.Name, StringComparison.OrdinalIgnoreCase)) failure.PropertyName = "body";
            else if (name.Length > body.Name.Length && name.StartsWith(body.Name, StringComparison.OrdinalIgnoreCase) && name[body.Name.Length] is '.' or '[')
                failure.PropertyName = name[(body.Name.Length + (name[body.Name.Length] == '.' ? 1 : 0))..];
        }
        return failures;
    }

    /// <summary>Refuses bodies over the limit up front with 413, whatever server runs the app.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        // The error page shown for a refused body must not be refused again for the same body.
        if (ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(ctx);
            return;
        }
        var limit = ctx.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? ctx.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        if (ctx.Request.ContentLength > limit)
        {
            await TooLargeAsync(ctx, limit);
            return;
        }
        if (ctx.Request.Path.StartsWithSegments("/api") && ctx.Request.HasJsonContentType()
            && (HttpMethods.IsPost(ctx.Request.Method) || HttpMethods.IsPut(ctx.Request.Method) || HttpMethods.IsPatch(ctx.Request.Method)))
        {
            if (await IsJsonNullAsync(ctx.Request))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is JSON null: send the object or array this operation takes.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { name = "body", reason = "The body is JSON null." } } })
                    .ExecuteAsync(ctx);
                return;
            }
        }
        if (ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        try
        {
            await next(ctx);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !ctx.Response.HasStarted)
        {
            await TooLargeAsync(ctx, limit);
        }
    });

    private static Task TooLargeAsync(HttpContext ctx, long? limit)
    {
        ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (!ctx.Request.Path.StartsWithSegments("/api")) return Task.CompletedTask;
        return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The body is larger than this operation's limit of {limit:N0} bytes.",
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { name = "body", reason = $"At most {limit:N0} bytes." } } })
            .ExecuteAsync(ctx);
    }

    /// <summary>A body of JSON null binds to a default request, which would run the operation with nothing in it.</summary>
    private static async Task<bool> IsJsonNullAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var buffer = new byte[64];
        var read = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
        request.Body.Position = 0;
        if (read == buffer.Length) return false;
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim();
        return text == "null";
    }
}

/// <summary>
/// Before any validator or handler: a body that binds to nothing (JSON null) is refused, and so is any string in the
/// request that breaks <see cref="TextRules"/>, each named by its field.
/// </summary>
public sealed class RequestTextCheck : IGlobalPreProcessor
{
    public async Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        if (context.Request is not { } request || context.HttpContext.ResponseStarted()) return;
        var failures = new List<ValidationFailure>();
        if (request.GetType().GetProperties().Any(p => p.GetCustomAttribute<FromBodyAttribute>() is not null && p.GetValue(request) is null))
            failures.Add(new ValidationFailure("body", TextRules.NoBody));
        failures.AddRange(TextRules.Check(request).Select(p => new ValidationFailure(p.Field.Length == 0 ? "body" : p.Field, p.Message)));
        if (failures.Count > 0)
            await context.HttpContext.Response.SendErrorsAsync(failures, cancellation: ct);
    }
}
