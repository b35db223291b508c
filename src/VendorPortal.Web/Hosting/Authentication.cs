using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using VendorPortal.Web.Features.ApiKeys;

namespace VendorPortal.Web.Hosting;

public static class Authentication
{
    public const string SmartScheme = "Smart";
    /// <summary>
    /// Name this policy (RequireRateLimiting / [EnableRateLimiting]) on an endpoint that takes a password or a
    /// sign-in secret: it then counts against the per-address ceiling of <see cref="SignInLimits"/>.
    /// </summary>
    public const string LoginRateLimit = "login";
    public const string PlatformOperatorPolicy = "PlatformOperator";
    /// <summary>A signed-in person, not an API key: for what belongs to a person (their notification preferences).</summary>
    public const string PeopleOnly = "PeopleOnly";

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
            .AddPolicy(PlatformOperatorPolicy, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.PlatformOperator, "true"))
            .AddPolicy(PeopleOnly, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.UserId() is not null))
            .AddPermissionPolicies(services);

        services.Configure<LoginRateLimitOptions>(configuration.GetSection(LoginRateLimitOptions.Section));
        services.AddSingleton<SignInLimiter>();
        services.AddHttpContextAccessor();
        services.AddScoped<PasswordCheck>();
        return services;
    }
}
