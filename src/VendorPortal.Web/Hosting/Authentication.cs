using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using VendorPortal.Web.Features.ApiKeys;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Hosting;

public sealed class LoginRateLimitOptions
{
    public const string Section = "LoginRateLimit";
    public int PermitsPerMinute { get; set; } = 10;
}

public static class Authentication
{
    public const string SmartScheme = "Smart";
    public const string LoginRateLimit = "login";
    public const string PlatformOperatorPolicy = "PlatformOperator";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.PasswordResetTokenProvider = ClockedTokenProvider.Name;
                o.Tokens.EmailConfirmationTokenProvider = ClockedTokenProvider.Name;
                o.Tokens.ChangeEmailTokenProvider = ClockedTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ClockedTokenProvider>(ClockedTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie for the portal, bearer token or API key for the API", o =>
                o.ForwardDefaultSelector = ctx =>
                {
                    if (ctx.Request.Headers.ContainsKey(ApiKey.Header)) return ApiKeyAuthentication.SchemeName;
                    if (ctx.Request.Path.StartsWithSegments("/api")) return IdentityConstants.BearerScheme;
                    return IdentityConstants.ApplicationScheme;
                })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "vp.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
            }));

        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformOperatorPolicy, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.PlatformOperator, "true"));

        var limits = configuration.GetSection(LoginRateLimitOptions.Section).Get<LoginRateLimitOptions>() ?? new();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 429,
                        Title = "Too many sign-in attempts",
                        Detail = "Wait a minute before trying again.",
                    }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
                else
                    await context.HttpContext.Response.WriteAsync("Too many sign-in attempts. Wait a minute before trying again.", ct);
            };
        });
        return services;
    }
}
