using System.Text.Json;
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
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiErrors>();
        services.AddApiDocument();
        return services;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api";
            c.Errors.UseProblemDetails();
            c.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            c.Serializer.Options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        app.MapApiDocument();
        return app;
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
            ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        await next(ctx);
    });
}
