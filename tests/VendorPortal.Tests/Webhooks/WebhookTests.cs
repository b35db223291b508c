using VendorPortal.Tests.Agents;
using VendorPortal.Web.Features.Alerts;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Webhooks;

/// <summary>Signed deliveries to a receiver on loopback: verification, retries, 410, vendor isolation, secret rotation, hanging receivers.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookTests(WebhookReceiver hooks) : IClassFixture<WebhookReceiver>
{
    private AppFactory App => hooks.App;

    private async Task<JsonObject> CreateAsync(string as_, string path, object? extra = null)
    {
        using var client = await App.ClientFor(as_);
        // Only tests and statement voids by default, so events of the class's other tests (or a scheduled alert scan) do not reach it.
        var body = new JsonObject { ["url"] = hooks.Url(path), ["description"] = path, ["eventTypes"] = new JsonArray("statement.voided") };
        if (extra is not null)
            foreach (var (k, v) in JsonSerializer.SerializeToNode(extra, Json.Options)!.AsObject()) body[k] = v?.DeepClone();
        using var response = await client.SendAsync(ApiRoutes.Demo.Webhooks.Create, body);
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    private async Task SendTestAsync(string as_, JsonObject endpoint)
    {
        using var client = await App.ClientFor(as_);
        using var response = await client.SendAsync(ApiRoutes.Demo.Webhooks.Test(endpoint.Id()));
        await response.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Every_delivery_verifies_and_retries_keep_the_message_id()
    {
        var path = $"retry-{Guid.NewGuid():N}";
        hooks.Script(path, 500, 500, 200);
        var endpoint = await CreateAsync(DemoData.Admin, path);
        var secret = (string)endpoint["secret"]!;
        Assert.StartsWith("whsec_", secret);

        await SendTestAsync(DemoData.Admin, endpoint);
        var received = await hooks.WaitForAsync(path, 3);
        Assert.Single(received.Select(r => r.MessageId).Distinct());
        Assert.All(received, r => Assert.True(r.VerifiesWith(secret), "the library's verifier refused a delivery"));
        Assert.Equal("webhook.test", (string?)received[0].Json["type"]);
        Assert.Equal(endpoint.Id().ToString(), (string?)received[0].Json["data"]!["endpointId"]);

        using var admin = await App.ClientFor(DemoData.Admin);
        var log = await WaitForDeliveredAsync(admin, endpoint.Id());
        Assert.Equal(3, (int)log["attempts"]!);
        Assert.Equal(200, (int)log["lastStatusCode"]!);
        Assert.Equal(received[0].MessageId, (string?)log["messageId"]);
        Assert.Null(log["nextAttemptAt"]);
        Assert.Equal(1024, ((string)log["lastResponse"]!).Length);

        // A replay sends the same message again, with the same id.
        using var replay = await admin.SendAsync(ApiRoutes.Demo.Webhooks.Replay(endpoint.Id(), log.Id()));
        await replay.ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal(received[0].MessageId, (await hooks.WaitForAsync(path, 4))[3].MessageId);
    }

    private static async Task<JsonObject> WaitForDeliveredAsync(HttpClient client, Guid endpointId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.SendAsync(ApiRoutes.Demo.Webhooks.Deliveries(endpointId));
            await response.ShouldBe(HttpStatusCode.OK);
            var first = (await response.ReadObjectAsync())["items"]!.AsArray().FirstOrDefault()?.AsObject();
            if (first?["deliveredAt"] is not null) return first;
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) Assert.Fail($"Not delivered: {first?.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Gone_disables_the_endpoint_and_mails_its_managers()
    {
        var path = $"gone-{Guid.NewGuid():N}";
        hooks.Script(path, 410);
        var endpoint = await CreateAsync(DemoData.Apex, path);
        var demo = await App.Demo;
        Assert.Equal(demo.ApexInDemo.ToString(), (string?)endpoint["vendorId"]);

        await SendTestAsync(DemoData.Apex, endpoint);
        await hooks.WaitForAsync(path, 1);
        using var apex = await App.ClientFor(DemoData.Apex);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonObject now;
        do
        {
            await Task.Delay(100);
            using var get = await apex.SendAsync(ApiRoutes.Demo.Webhooks.Get(endpoint.Id()));
            now = await get.ReadObjectAsync();
        }
        while ((bool)now["enabled"]! && clock.Elapsed < TimeSpan.FromSeconds(90));
        Assert.False((bool)now["enabled"]!);
        Assert.Contains("410", (string)now["disabledReason"]!);
        var mail = await App.WaitForMailToAsync(DemoData.Apex, m => m.Subject?.Contains(hooks.Url(path), StringComparison.Ordinal) == true);
        Assert.Contains("410", mail[0].TextBody);

        // A disabled endpoint sends nothing more until it is enabled again.
        using var test = await apex.SendAsync(ApiRoutes.Demo.Webhooks.Test(endpoint.Id()));
        await test.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_vendor_endpoint_hears_only_its_own_vendor_and_the_tenant_endpoint_hears_all()
    {
        var demo = await App.Demo;
        var apexPath = $"apex-{Guid.NewGuid():N}";
        var harborPath = $"harbor-{Guid.NewGuid():N}";
        var tenantPath = $"tenant-{Guid.NewGuid():N}";
        await CreateAsync(DemoData.Apex, apexPath, new { eventTypes = Array.Empty<string>() });
        await CreateAsync(DemoData.Harbor, harborPath, new { eventTypes = Array.Empty<string>() });
        await CreateAsync(DemoData.Planner, tenantPath, new { eventTypes = new[] { "capacity_request.sent" } });

        using var planner = await App.ClientFor(DemoData.Planner);
        var first = DemoToday(App.Clock).AddDays(10);
        var eventId = await planner.NewEventAsync(first, 1);
        var request = await planner.RequestAsync(eventId, demo.HarborInDemo, [Plan(Wall(first, 9), Wall(first, 17), 3)]);

        var harbor = (await hooks.WaitForAsync(harborPath, 1)).Single();
        var tenant = (await hooks.WaitForAsync(tenantPath, 1)).Single();
        Assert.Equal(harbor.Json["data"]!.ToJsonString(), tenant.Json["data"]!.ToJsonString());
        Assert.NotEqual(harbor.MessageId, tenant.MessageId);
        Assert.Equal("capacity_request.sent", (string?)harbor.Json["type"]);
        Assert.Equal(request.Id().ToString(), (string?)harbor.Json["data"]!["capacityRequestId"]);
        Assert.Equal(3, (int)harbor.Json["data"]!["agentsAsked"]!);

        // Harbor answering reaches Harbor's endpoint (answered), never Apex's; the tenant endpoint takes only what it asked for.
        using var harborUser = await App.ClientFor(DemoData.Harbor);
        await harborUser.RespondAsync(request, null, 3);
        Assert.Contains(await hooks.WaitForAsync(harborPath, 2), r => (string?)r.Json["type"] == "capacity_request.answered");
        await Task.Delay(1500);
        // A scheduled alert scan may tell each vendor about its own alerts meanwhile: never about another vendor's.
        Assert.All(hooks.At(apexPath), r => Assert.Equal(demo.ApexInDemo.ToString(), (string?)r.Json["data"]!["vendorId"]));
        Assert.All(hooks.At(harborPath), r => Assert.Equal(demo.HarborInDemo.ToString(), (string?)r.Json["data"]!["vendorId"]));
        Assert.DoesNotContain(hooks.At(apexPath), r => ((string)r.Json["type"]!).StartsWith("capacity_request", StringComparison.Ordinal));
        Assert.Single(hooks.At(tenantPath));

        // Each manager sees only their own: Apex neither lists nor opens Harbor's endpoint.
        using var apex = await App.ClientFor(DemoData.Apex);
        using var list = await apex.SendAsync(ApiRoutes.Demo.Webhooks.List.Query("pageSize=200"));
        var urls = (await list.ReadObjectAsync())["items"]!.AsArray().Select(i => (string)i!["url"]!).ToList();
        Assert.Contains(hooks.Url(apexPath), urls);
        Assert.DoesNotContain(hooks.Url(harborPath), urls);
        Assert.DoesNotContain(hooks.Url(tenantPath), urls);
        using var planners = await planner.SendAsync(ApiRoutes.Demo.Webhooks.List.Query("pageSize=200"));
        var all = (await planners.ReadObjectAsync())["items"]!.AsArray().Select(i => (string)i!["url"]!).ToList();
        Assert.Contains(hooks.Url(harborPath), all);
    }

    [Fact]
    public async Task Rotating_the_secret_makes_old_signatures_fail()
    {
        var path = $"rotate-{Guid.NewGuid():N}";
        var endpoint = await CreateAsync(DemoData.Planner, path);
        var old = (string)endpoint["secret"]!;
        using var planner = await App.ClientFor(DemoData.Planner);
        using var rotate = await planner.SendAsync(ApiRoutes.Demo.Webhooks.RotateSecret(endpoint.Id()));
        await rotate.ShouldBe(HttpStatusCode.OK);
        var fresh = (string)(await rotate.ReadObjectAsync())["secret"]!;
        Assert.NotEqual(old, fresh);

        await SendTestAsync(DemoData.Planner, endpoint);
        var received = (await hooks.WaitForAsync(path, 1)).Single();
        Assert.True(received.VerifiesWith(fresh));
        Assert.False(received.VerifiesWith(old));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_does_not_hold_up_the_app()
    {
        var endpoint = await CreateAsync(DemoData.Admin, $"hang-{Guid.NewGuid():N}");
        using var admin = await App.ClientFor(DemoData.Admin);
        for (var i = 0; i < 30; i++)
        {
            using var test = await admin.SendAsync(ApiRoutes.Demo.Webhooks.Test(endpoint.Id()));
            await test.ShouldBe(HttpStatusCode.Accepted);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var demo = await App.Demo;
        await App.RunJobAsync<EvaluateAlerts>(j => j.RunAsync(demo.DemoTenantId, CancellationToken.None), TimeSpan.FromSeconds(15));
        using var vendors = await admin.SendAsync(ApiRoutes.Demo.Vendors.List);
        await vendors.ShouldBe(HttpStatusCode.OK);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15));
        // Its waiting deliveries go with it, freeing the webhook workers for the other tests.
        using var delete = await admin.SendAsync(ApiRoutes.Demo.Webhooks.Delete(endpoint.Id()));
        await delete.ShouldBe(HttpStatusCode.NoContent);
    }
}

/// <summary>Under the default settings (the shared host): no private address in any spelling, https only, ports 80 and 443.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookAddressTests(AppFactory app)
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f000001/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fc00::1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("http://hooks.example.com/hook")]
    [InlineData("https://hooks.example.com:8443/hook")]
    [InlineData("ftp://hooks.example.com/hook")]
    public async Task Refused_when_saved(string url)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Webhooks.Create, new { url });
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["url"], problem.ErrorFields());
    }

    [Fact]
    public async Task Finance_may_not_manage_webhooks()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        using var response = await finance.SendAsync(ApiRoutes.Demo.Webhooks.List);
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
