using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;

namespace VendorPortal.Web.Hosting;

public static class Portal
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-CN")];

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Razor's HTML encoder allows only Basic Latin by default and would send Chinese as &#x...; references: send it as
        // UTF-8. Only the HTML encoder: URLs and script strings keep encoding what is not ASCII.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                // Pages live beside their feature (Features/*/Pages) with explicit @page routes.
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/");
            })
            // Forms are checked by the same FluentValidation validators as the API, with localized messages.
            .AddMvcOptions(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider(),
                // "zh", "zh-Hans", "zh-TW": any Chinese asked for, when nothing else matched, is the Simplified Chinese we have.
                new CustomRequestCultureProvider(c => Task.FromResult(
                    c.Request.GetTypedHeaders().AcceptLanguage.Any(l => l.Value.Value?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true)
                        ? new ProviderCultureResult("zh-CN") : null)),
            ];
        });
        return services;
    }

    public static string CultureOf(string? language) =>
        Cultures.Any(c => c.Name == language) ? language! : "en";
}
