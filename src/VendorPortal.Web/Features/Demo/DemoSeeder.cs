using Microsoft.AspNetCore.Identity;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.Demo;

/// <summary>
/// The demo data of the public contract. Seeded only when Database:SeedDemoData is on (scripts/run.sh
/// turns it on); every step is skipped when its data already exists, so it can run at every start.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Demo-Pass-2026!";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var demo = await TenantAsync(services, "demo", "Demo Retail Customer Service", "Asia/Shanghai", "CNY");
        var sandbox = await TenantAsync(services, "sandbox", "Sandbox Outlet", "Europe/London", "GBP");

        await InTenantAsync(services, demo, async (sp, ct) =>
        {
            var vendors = sp.GetRequiredService<VendorOperations>();
            var apex = await VendorAsync(sp, vendors, new VendorInput
            {
                Name = "Apex BPO", ContactName = "Li Na", ContactEmail = "apex@demo.test", ContactPhone = "+86 21 5555 0101",
                Notes = "Large chat and phone reserve pool in Shanghai and Hefei.",
            }, ct);
            var harbor = await VendorAsync(sp, vendors, new VendorInput
            {
                Name = "Harbor Contact", ContactName = "Chen Wei", ContactEmail = "harbor@demo.test", ContactPhone = "+86 20 5555 0202",
                Notes = "Returns and after-sales specialists, Guangzhou.",
            }, ct);
            await SkillsAsync(sp,
            [
                ("PRESALES", "Pre-sales chat", "Product questions before purchase, promotion rules, coupons."),
                ("AFTERSALES", "After-sales and returns", "Order status, returns, refunds and exchanges."),
                ("HOTLINE", "Phone hotline", "Inbound voice for urgent order and delivery problems."),
            ], ct);
            await MemberAsync(sp, "admin@demo.test", "Ada Admin", TenantRole.TenantAdmin, null, ct);
            await MemberAsync(sp, "planner@demo.test", "Pat Planner", TenantRole.Planner, null, ct);
            await MemberAsync(sp, "finance@demo.test", "Fay Finance", TenantRole.Finance, null, ct);
            await MemberAsync(sp, "apex@demo.test", "李娜 (Apex)", TenantRole.VendorManager, apex, ct);
            await MemberAsync(sp, "harbor@demo.test", "陈伟 (Harbor)", TenantRole.VendorManager, harbor, ct);
            await DemoReserves.SeedAsync(sp, "SH",
            [
                ("Apex BPO", 48, ["PRESALES", "HOTLINE"], [("PRESALES", 18), ("HOTLINE", 6)]),
                ("Harbor Contact", 36, ["AFTERSALES", "PRESALES"], [("AFTERSALES", 15), ("PRESALES", 6)]),
            ], withTraining: true, ct);
            await DemoBilling.SeedAsync(sp,
            [
                new("Apex BPO", "PRESALES", 2, 14, [new(20_000, 2.80m), new(null, 2.40m)], null),
                new("Apex BPO", "PRESALES", 0, null, [new(20_000, 2.65m), new(null, 2.30m)], null, StartsMidLastMonth: true),
                new("Apex BPO", "HOTLINE", 2, null, [new(null, 4.50m)], 25_000m),
                new("Harbor Contact", null, 2, null, [new(15_000, 3.10m), new(null, 2.70m)], null),
            ],
            [("Apex BPO", "PRESALES", 900), ("Apex BPO", "HOTLINE", 150), ("Harbor Contact", "AFTERSALES", 700), ("Harbor Contact", "PRESALES", 200)],
            issueFor: "Apex BPO", ct);
            await DemoEvents.SeedAsync(sp, [("PRESALES", 260, 240), ("AFTERSALES", 140, 420), ("HOTLINE", 90, 300)], ct);
            await DemoShifts.SeedHistoryAsync(sp, ct);
            await DemoShifts.SeedAsync(sp, (email, work) => AsMemberAsync(services, demo, email, work), ct);
            // Open alerts from the start: the reserve pools below target, and any demo shift already within a lead time.
            await sp.GetRequiredService<Alerts.AlertOperations>().EvaluateAsync(ct);
        });

        await InTenantAsync(services, sandbox, async (sp, ct) =>
        {
            var apex = await VendorAsync(sp, sp.GetRequiredService<VendorOperations>(), new VendorInput
            {
                Name = "Apex BPO", ContactName = "Li Na", ContactEmail = "apex@demo.test",
                Notes = "Apex's UK team for the outlet's seasonal sales.",
            }, ct);
            await SkillsAsync(sp, [("CHAT", "Customer chat", "Web and app chat for orders and returns.")], ct);
            await MemberAsync(sp, "sandbox.admin@demo.test", "Sam Sandbox", TenantRole.TenantAdmin, null, ct);
            await MemberAsync(sp, "apex@demo.test", "李娜 (Apex)", TenantRole.VendorManager, apex, ct);
            await DemoReserves.SeedAsync(sp, "UK", [("Apex BPO", 14, ["CHAT"], [("CHAT", 6)])], withTraining: false, ct);
            await DemoBilling.SeedAsync(sp, [new("Apex BPO", "CHAT", 2, null, [new(null, 0.95m)], null)], [("Apex BPO", "CHAT", 120)], issueFor: null, ct);
        });

        await using var scope = services.CreateAsyncScope();
        var ops = await UserAsync(scope.ServiceProvider, "ops@demo.test", "Olu Operator");
        if (!ops.IsPlatformOperator)
        {
            ops.IsPlatformOperator = true;
            await scope.ServiceProvider.GetRequiredService<UserManager<User>>().UpdateAsync(ops);
        }
    }

    private static async Task<Tenant> TenantAsync(IServiceProvider services, string slug, string name, string zone, string currency)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == slug);
        if (tenant is not null) return tenant;
        tenant = new Tenant
        {
            Slug = slug, Name = name, TimeZone = zone, Currency = currency,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant;
    }

    private static async Task InTenantAsync(IServiceProvider services, Tenant tenant, Func<IServiceProvider, CancellationToken, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>()
            .Set(AccessScope.System(tenant.Id, tenant.Slug, "demo-seed"));
        await work(scope.ServiceProvider, CancellationToken.None);
    }

    /// <summary>Runs the work as a member of the tenant would, so demo rows go through the same rules and carry their name.</summary>
    private static async Task AsMemberAsync(IServiceProvider services, Tenant tenant, string email, Func<IServiceProvider, CancellationToken, Task> work)
    {
        Membership member = null!;
        await InTenantAsync(services, tenant, async (sp, ct) => member = await sp.GetRequiredService<AppDbContext>().Memberships.AsNoTracking()
            .SingleAsync(m => m.User!.Email == email, ct));
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>()
            .Set(new AccessScope(tenant.Id, tenant.Slug, member.Role, member.VendorId, member.UserId, null, email));
        await work(scope.ServiceProvider, CancellationToken.None);
    }

    private static async Task<Guid> VendorAsync(IServiceProvider sp, VendorOperations vendors, VendorInput input, CancellationToken ct)
    {
        var existing = await sp.GetRequiredService<AppDbContext>().Vendors.SingleOrDefaultAsync(v => v.Name == input.Name, ct);
        return existing?.Id ?? (await vendors.CreateAsync(input, ct)).Id;
    }

    private static async Task SkillsAsync(IServiceProvider sp, (string Code, string Name, string Description)[] skills, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var operations = sp.GetRequiredService<SkillOperations>();
        foreach (var (code, name, description) in skills)
            if (!await db.Skills.AnyAsync(s => s.Code == code, ct))
                await operations.CreateAsync(new SkillInput { Code = code, Name = name, Description = description }, ct);
    }

    private static async Task MemberAsync(IServiceProvider sp, string email, string name, TenantRole role, Guid? vendorId, CancellationToken ct)
    {
        var user = await UserAsync(sp, email, name);
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct)) return;
        db.Memberships.Add(new Membership
        {
            UserId = user.Id, Role = role, VendorId = vendorId,
            CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<User> UserAsync(IServiceProvider sp, string email, string name)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is { } existing) return existing;
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Language = "en" };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
