using static VendorPortal.Tests.Billing.BillingSetup;

namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class ContactVolumeTests(AppFactory app)
{
    [Fact]
    public async Task Upsert_is_idempotent_and_a_correction_is_audited()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        var first = await finance.VolumesAsync(Volume(vendor, "PRESALES", "2026-03-01", 100), Volume(vendor, "PRESALES", "2026-03-02", 200, offered: 220, answered: 210));
        Assert.Equal(2, (int)first["created"]!);
        var again = await finance.VolumesAsync(Volume(vendor, "PRESALES", "2026-03-01", 100), Volume(vendor, "PRESALES", "2026-03-02", 200, offered: 220, answered: 210));
        Assert.Equal(0, (int)again["created"]!);
        Assert.Equal(2, (int)again["unchanged"]!);
        var corrected = await finance.VolumesAsync(Volume(vendor, "presales", "2026-03-01", 120));
        Assert.Equal(1, (int)corrected["updated"]!);

        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ContactVolumes.List.Query($"vendorId={vendor}&from=2026-03-01&to=2026-03-01"), Json.Options);
        var row = page!["items"]!.AsArray().Single()!;
        Assert.Equal(120, (int)row["handled"]!);
        using var admin = await app.ClientFor(DemoData.Admin);
        var audit = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query($"entityType=ContactVolume&entityId={row["id"]}"), Json.Options);
        var entries = audit!["items"]!.AsArray();
        Assert.Contains(entries, e => (string?)e!["action"] == "updated" && e["changes"]!.ToJsonString().Contains("120"));
    }

    [Fact]
    public async Task A_batch_with_any_bad_row_stores_nothing_and_names_every_bad_row()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        using var response = await finance.SendAsync(ApiRoutes.Demo.ContactVolumes.Upsert, new
        {
            rows = new[]
            {
                Volume(vendor, "PRESALES", "2026-03-05", 10),
                Volume(vendor, "NOPE", "2026-03-05", 10),
                Volume(vendor, "PRESALES", "2026-03-05", 11),
                Volume(vendor, "PRESALES", "2099-01-01", 10),
            },
        });
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["rows[1]", "rows[2]", "rows[3]"], problem.ErrorFields().Order());
        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ContactVolumes.List.Query($"vendorId={vendor}"), Json.Options);
        Assert.Empty(page!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_day_is_either_whole_or_in_intervals()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        await finance.VolumesAsync(Volume(vendor, "HOTLINE", "2026-03-06", 10, interval: "09:00"), Volume(vendor, "HOTLINE", "2026-03-06", 12, interval: "09:30"));
        using var whole = await finance.SendAsync(ApiRoutes.Demo.ContactVolumes.Upsert, new { rows = new[] { Volume(vendor, "HOTLINE", "2026-03-06", 22) } });
        var problem = await whole.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("whole-day row and interval rows", problem.ToJsonString());
    }

    [Fact]
    public async Task Vendors_submit_and_see_only_their_own_volumes()
    {
        var demo = await app.Demo;
        using var apex = await app.ClientFor(DemoData.Apex);
        await apex.VolumesAsync(new { skill = "PRESALES", date = "2020-01-01", handled = 5 });
        using var foreign = await apex.SendAsync(ApiRoutes.Demo.ContactVolumes.Upsert, new { rows = new[] { Volume(demo.HarborInDemo, "PRESALES", "2020-01-01", 5) } });
        var problem = await foreign.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no such vendor", problem.ToJsonString());
        var page = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ContactVolumes.List.Query("pageSize=200"), Json.Options);
        Assert.All(page!["items"]!.AsArray(), v => Assert.Equal(demo.ApexInDemo.ToString(), (string?)v!["vendorId"]));
        var harborRows = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ContactVolumes.List.Query($"vendorId={demo.HarborInDemo}"), Json.Options);
        Assert.Empty(harborRows!["items"]!.AsArray());
    }

    [Fact]
    public async Task Csv_import_reports_every_bad_line_and_stores_nothing_then_stores_a_clean_file()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        var bad = """
            skill,date,interval,handled,offered,answered,aht,complaints
            PRESALES,2026-04-01,,100,110,105,300,1
            PRESALES,01/04/2026,,100,,,,
            NOPE,2026-04-02,,100,,,,
            PRESALES,2026-04-03,25:00,100,,,,
            PRESALES,2026-04-04,,lots,,,,
            PRESALES,2026-04-05,,100,90,95,,
            PRESALES,2026-04-01,,7,,,,
            """;
        using var refused = await finance.SendAsync(ApiRoutes.Demo.ContactVolumes.Import.Query($"vendorId={vendor}"), Csv(bad));
        var problem = await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["line 3", "line 4", "line 5", "line 6", "line 7", "line 8"], problem.ErrorFields().Order());
        var none = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ContactVolumes.List.Query($"vendorId={vendor}"), Json.Options);
        Assert.Empty(none!["items"]!.AsArray());

        var good = "Skill,Date,Interval,Handled,Offered,Answered,AHT,Complaints\nPRESALES,2026-04-01,09:00,100,110,105,300,1\nPRESALES,2026-04-01,09:30,50,,,,\n";
        using var stored = await finance.SendAsync(ApiRoutes.Demo.ContactVolumes.Import.Query($"vendorId={vendor}"), Csv(good));
        await stored.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, (int)(await stored.ReadObjectAsync())["created"]!);
        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ContactVolumes.List.Query($"vendorId={vendor}"), Json.Options);
        Assert.Equal(["09:00", "09:30"], page!["items"]!.AsArray().Select(v => (string?)v!["interval"]));
    }
}
