namespace VendorPortal.Tests.Tenants;

[Collection(AppCollection.Name)]
public sealed class SettingsTests(AppFactory app)
{
    [Fact]
    public async Task Seeded_settings_follow_the_public_contract()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var settings = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get);
        Assert.Equal("Asia/Shanghai", (string?)settings!["timeZone"]);
        Assert.Equal("CNY", (string?)settings["currency"]);
        Assert.Equal(2.0m, (decimal)settings["reserveRatioTarget"]!);
        Assert.Equal(2, (int)settings["trainingLeadDays"]!);
        Assert.Equal(48, (int)settings["confirmationDeadlineHours"]!);
    }

    [Fact]
    public async Task Settings_round_trip_and_alert_lead_times_are_kept_latest_last()
    {
        using var admin = await app.ClientFor(DemoData.SandboxAdmin);
        var original = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Settings.Get);
        try
        {
            var changed = original!.DeepClone().AsObject();
            changed["timeZone"] = "America/New_York";
            changed["currency"] = "USD";
            changed["reserveRatioTarget"] = 2.5m;
            changed["trainingLeadDays"] = 3;
            changed["confirmationDeadlineHours"] = 24;
            changed["alertLeadHours"] = new JsonArray(24, 96, 48, 96);
            changed["confirmedAlertPercent"] = 95;
            changed["trainedAlertPercent"] = 80;
            using var put = await admin.SendAsync(ApiRoutes.Sandbox.Settings.Update, changed);
            await put.ShouldBe(HttpStatusCode.OK);

            var read = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Settings.Get);
            Assert.Equal("America/New_York", (string?)read!["timeZone"]);
            Assert.Equal("USD", (string?)read["currency"]);
            Assert.Equal(2.5m, (decimal)read["reserveRatioTarget"]!);
            Assert.Equal(3, (int)read["trainingLeadDays"]!);
            Assert.Equal(24, (int)read["confirmationDeadlineHours"]!);
            Assert.Equal([96, 48, 24], read["alertLeadHours"]!.AsArray().Select(h => (int)h!));
            Assert.Equal(95, (int)read["confirmedAlertPercent"]!);
            Assert.Equal(80, (int)read["trainedAlertPercent"]!);
        }
        finally
        {
            using var restore = await admin.SendAsync(ApiRoutes.Sandbox.Settings.Update, original);
            await restore.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "China Standard Time")]
    [InlineData("currency", "XYZ")]
    public async Task Settings_with_an_unknown_zone_or_currency_are_refused_with_a_field_error(string field, string value)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        var settings = (await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get))!;
        settings[field] = value;
        using var response = await admin.SendAsync(ApiRoutes.Demo.Settings.Update, settings);
        Assert.Contains(field, (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        var after = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get);
        Assert.NotEqual(value, (string?)after![field]);
    }

    [Fact]
    public async Task Only_the_tenant_admin_changes_settings()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var settings = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get);
        using var response = await planner.SendAsync(ApiRoutes.Demo.Settings.Update, settings);
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_put_missing_settings_is_refused_instead_of_resetting_them()
    {
        using var admin = await app.ClientFor(DemoData.SandboxAdmin);
        using var response = await admin.SendAsync(ApiRoutes.Sandbox.Settings.Update, new { name = "Only a name" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("timeZone", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var after = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Settings.Get);
        Assert.Equal("Europe/London", (string?)after!["timeZone"]);
        Assert.NotEqual("Only a name", (string?)after["name"]);
    }
}
