// Fan-out of one alert.raised to 200 endpoints on a loopback receiver: the app (with its job servers) on a fresh SQLite
// database in the data folder the configuration names, the receiver a Kestrel server in this process. Prints the time
// from the save that raised the event until the receiver has every delivery, and deliveries per second.
// Usage: VendorPortal.Bench webhooks [endpoints]
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Vendors;
using VendorPortal.Web.Features.Webhooks;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Bench;

public static class WebhookBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var received = 0;
        var all = new TaskCompletionSource();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        receiverBuilder.Logging.ClearProviders();
        await using var receiver = receiverBuilder.Build();
        receiver.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            if (Interlocked.Increment(ref received) == count) all.TrySetResult();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await receiver.StartAsync();
        var port = new Uri(receiver.Urls.First()).Port;

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Webhooks:AllowPrivateNetworks"] = "true";
        builder.Configuration["Webhooks:AllowedPorts:0"] = port.ToString(CultureInfo.InvariantCulture);
        builder.AddVendorPortal();
        await using var app = builder.Build();
        // Started as a host, so its job servers (the webhooks queue among them) run.
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        await app.Services.GetRequiredService<DatabaseStartup>().Ready;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        Stopwatch watch;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tenant = new Tenant { Slug = $"bench-hooks-{Guid.NewGuid():N}"[..20], Name = "Bench webhooks", TimeZone = "Asia/Shanghai", Currency = "CNY", CreatedAt = now };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "bench-seed"));
            var vendor = new Vendor { Name = "Bench vendor" };
            db.Vendors.Add(vendor);
            for (var i = 0; i < count; i++)
                db.WebhookEndpoints.Add(new WebhookEndpoint { Url = $"http://127.0.0.1:{port}/e{i}" });
            await db.SaveChangesAsync();

            var alert = new Alert
            {
                VendorId = vendor.Id, Kind = AlertKind.PoolShallow, Key = $"PoolShallow:{vendor.Id}:bench", Actual = 3, Needed = 10,
                Message = "Bench vendor, VOICE reserve pool: 3 trained reserve agents against a target of 10.",
            };
            db.Alerts.Add(alert);
            watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<WebhookOutbox>().RaiseAlertsAsync(WebhookEvents.AlertRaised, [alert], CancellationToken.None);
            await db.SaveChangesAsync();
        }
        var saved = watch.Elapsed.TotalSeconds;
        var done = await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromMinutes(2)));
        var seconds = watch.Elapsed.TotalSeconds;
        if (done != all.Task)
        {
            Console.Error.WriteLine($"only {received} of {count} deliveries arrived within 2 minutes");
            return 1;
        }
        Console.WriteLine($"{"alert.raised fan-out: raise and save",-42} {saved,10:0.000} s     ({count} delivery rows written with the alert)");
        Console.WriteLine($"{"alert.raised fan-out: all delivered",-42} {seconds,10:0.000} s     ({count} endpoints on a loopback receiver, signed)");
        Console.WriteLine($"{"  deliveries per second",-42} {count / seconds,10:0.0}");
        await app.StopAsync();
        return 0;
    }
}
