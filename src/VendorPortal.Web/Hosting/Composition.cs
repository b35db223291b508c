using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.ApiKeys;
using VendorPortal.Web.Features.Audit;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Notifications;
using VendorPortal.Web.Features.Readiness;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Training;
using VendorPortal.Web.Features.Users;
using VendorPortal.Web.Features.Vendors;
using VendorPortal.Web.Features.Webhooks;

namespace VendorPortal.Web.Hosting;

public static class Composition
{
    public static WebApplicationBuilder AddVendorPortal(this WebApplicationBuilder builder)
    {
        var data = DataFolder.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddKeyRing(builder.Configuration);
        services.AddDatabase(builder.Configuration, data);
        services.AddPortalAuthentication(builder.Configuration);
        services.AddTrustedProxies(builder.Configuration);
        services.AddSecurityHeaders();
        services.AddApi(builder.Configuration);
        services.AddPortal();
        services.AddJobs(builder.Configuration);
        services.AddHealth();
        services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        services.AddScoped<Mailer>();
        services.AddSingleton(WebhookOptions.From(builder.Configuration));
        services.AddSingleton<WebhookAddress>();
        services.AddSingleton<WebhookHttp>();
        services.AddFeatureOperations();
        services.AddLists();
        services.ReadKeyRingAfterStartup();
        return builder;
    }

    public static WebApplication UseVendorPortal(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders(app.Environment);
        // NotFound answers 404 through the handler; without this the middleware turns every 404 it produces into a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", AllowStatusCode404Response = true });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), portal => portal.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseDatabaseReadiness();
        app.UseRouting();
        app.UseSignInLimits();
        app.UseAuthentication();
        app.UseTenantScope();
        app.UseAuthorization();
        app.UseRequestBodyLimit();

        app.UseApi();
        app.MapRazorPages();
        app.MapHealth();
        app.MapJobsDashboard();
        return app;
    }

    /// <summary>The business operations shared by API endpoints and portal pages.</summary>
    private static IServiceCollection AddFeatureOperations(this IServiceCollection services) => services
        .AddScoped<TokenIssuer>()
        .AddScoped<TenantOperations>()
        .AddScoped<TenantSettingsOperations>()
        .AddScoped<InvitationOperations>()
        .AddScoped<UserOperations>()
        .AddScoped<PasswordReset>()
        .AddScoped<ApiKeyOperations>()
        .AddScoped<VendorOperations>()
        .AddScoped<SkillOperations>()
        .AddScoped<AgentOperations>()
        .AddScoped<AgentImport>()
        .AddScoped<AgentExport>()
        .AddScoped<AuditExport>()
        .AddScoped<PoolDepth>()
        .AddScoped<TrainingOperations>()
        .AddScoped<TrainingReads>()
        .AddScoped<CapacityRequestOperations>()
        .AddScoped<CapacityRequestReads>()
        .AddScoped<ShiftOperations>()
        .AddScoped<ShiftReads>()
        .AddScoped<ShiftCalendar>()
        .AddScoped<AlertOperations>()
        .AddScoped<Notifier>()
        .AddScoped<NotificationPreferences>()
        .AddScoped<UnsubscribeLinks>()
        .AddScoped<RateCardOperations>()
        .AddScoped<ContactVolumeOperations>()
        .AddScoped<StatementOperations>()
        .AddScoped<Scorecards>()
        .AddScoped<EventOperations>()
        .AddScoped<ForecastImport>()
        .AddScoped<InHouseSchedule>()
        .AddScoped<InHouseImport>()
        .AddScoped<WebhookOperations>()
        .AddScoped<WebhookOutbox>();

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    /// <summary>The list queries, each read by its API endpoint and its portal page (and CSV export) alike.</summary>
    private static IServiceCollection AddLists(this IServiceCollection services) => services
        .AddScoped<AgentList>()
        .AddScoped<VendorList>()
        .AddScoped<SkillList>()
        .AddScoped<EventList>()
        .AddScoped<ShiftList>()
        .AddScoped<CapacityRequestList>()
        .AddScoped<TrainingSessionList>()
        .AddScoped<StatementList>()
        .AddScoped<RateCardList>()
        .AddScoped<ContactVolumeList>()
        .AddScoped<ScorecardList>()
        .AddScoped<AlertList>()
        .AddScoped<AuditList>()
        .AddScoped<MemberList>()
        .AddScoped<InvitationList>()
        .AddScoped<ApiKeyList>()
        .AddScoped<WebhookList>()
        .AddScoped<ReadinessList>()
        .AddScoped<Features.Planning.PlanOperations>();
}
