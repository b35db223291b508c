using System.Text;

namespace VendorPortal.Tests.Agents;

[Collection(AppCollection.Name)]
public sealed class AgentExportTests(AppFactory app)
{
    private const string Formula = "=HYPERLINK(\"http://x.test\",\"click\")";

    private static HttpContent Csv(string text) => new StringContent(text, Encoding.UTF8, "text/csv");

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    [Fact]
    public async Task An_imported_formula_comes_out_of_the_export_as_text_that_a_spreadsheet_will_not_run()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var names = new[] { Formula, "+1 555 0100", "-2+3", "@SUM(A1:A2)", "张三 " + tag };
        var file = new StringBuilder("externalRef,displayName,skills,languages,maxWeeklyHours\n");
        for (var i = 0; i < names.Length; i++)
            file.Append($"INJ-{tag}-{i},{Quoted(names[i])},PRESALES;HOTLINE,zh,{20 + i}\n");
        using (var imported = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, Csv(file.ToString())))
            await imported.ShouldBe(HttpStatusCode.OK);

        var export = await CsvFile.ReadAsync(await apex.SendAsync(ApiRoutes.Demo.Agents.Export.Query($"search=INJ-{tag}")));
        Assert.True(export.StartsWithBom, "Excel needs the UTF-8 byte order mark to read Chinese names.");
        var byRef = export.Rows.ToDictionary(r => r["externalRef"]);
        Assert.Equal(names.Length, byRef.Count);
        Assert.Equal("'" + Formula, byRef[$"INJ-{tag}-0"]["displayName"]);
        Assert.Equal("'+1 555 0100", byRef[$"INJ-{tag}-1"]["displayName"]);
        Assert.Equal("'-2+3", byRef[$"INJ-{tag}-2"]["displayName"]);
        Assert.Equal("'@SUM(A1:A2)", byRef[$"INJ-{tag}-3"]["displayName"]);
        Assert.Equal("张三 " + tag, byRef[$"INJ-{tag}-4"]["displayName"]);
        // Numbers stay numbers: no quote in front, nothing a spreadsheet would take for text.
        Assert.Equal("24", byRef[$"INJ-{tag}-4"]["maxWeeklyHours"]);
        Assert.Equal("HOTLINE;PRESALES", byRef[$"INJ-{tag}-0"]["skills"]);
        Assert.Equal("Apex BPO", byRef[$"INJ-{tag}-0"]["vendor"]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\"", export.Text);
    }

    [Fact]
    public async Task The_export_applies_the_lists_filters()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var active = await apex.NewAgentAsync($"Filter {tag} active", "active", "PRESALES");
        var left = await apex.NewAgentAsync($"Filter {tag} left", "left", "HOTLINE");
        using var admin = await app.ClientFor(DemoData.Admin);

        var list = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query($"search=Filter {tag}&status=left&pageSize=200"), Json.Options);
        var export = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Agents.Export.Query($"search=Filter {tag}&status=left")));
        Assert.Equal(list!["items"]!.AsArray().Select(a => (string)a!["displayName"]!), export.Rows.Select(r => r["displayName"]));
        Assert.Equal([$"Filter {tag} left"], export.Rows.Select(r => r["displayName"]));
        Assert.Equal("left", export.Rows[0]["status"]);

        var bySkill = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Agents.Export.Query($"search=Filter {tag}&skill=presales")));
        Assert.Equal([$"Filter {tag} active"], bySkill.Rows.Select(r => r["displayName"]));
        _ = (active, left);
    }

    [Fact]
    public async Task A_vendor_manager_exports_only_their_own_vendors_agents()
    {
        var demo = await app.Demo;
        using var apex = await app.ClientFor(DemoData.Apex);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await apex.NewAgentAsync($"Isolated {tag} apex");
        await harbor.NewAgentAsync($"Isolated {tag} harbor");

        var own = await CsvFile.ReadAsync(await harbor.SendAsync(ApiRoutes.Demo.Agents.Export.Query($"search=Isolated {tag}")));
        Assert.Equal([$"Isolated {tag} harbor"], own.Rows.Select(r => r["displayName"]));
        var everything = await CsvFile.ReadAsync(await harbor.SendAsync(ApiRoutes.Demo.Agents.Export));
        Assert.All(everything.Rows, r => Assert.Equal("Harbor Contact", r["vendor"]));
        var asked = await CsvFile.ReadAsync(await harbor.SendAsync(ApiRoutes.Demo.Agents.Export.Query($"vendorId={demo.ApexInDemo}")));
        Assert.Empty(asked.Rows);

        using var admin = await app.ClientFor(DemoData.Admin);
        var staff = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Agents.Export.Query($"search=Isolated {tag}")));
        Assert.Equal(2, staff.Rows.Count);
    }

    [Fact]
    public async Task Another_tenants_member_gets_404()
    {
        using var sandbox = await app.ClientFor(DemoData.SandboxAdmin);
        using var response = await sandbox.SendAsync(ApiRoutes.Demo.Agents.Export);
        await response.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_agents_page_offers_the_export_with_its_current_filters_and_serves_it()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await apex.NewAgentAsync($"Page {tag}", "inactive", "PRESALES");
        using var page = await app.CookieClientFor(DemoData.Apex);
        var html = await page.GetStringAsync($"{Pages.Demo.Agents}?search=Page+{tag}&status=Inactive");
        var link = System.Text.RegularExpressions.Regex.Match(html, "id=\"export-agents\"[^>]*|href=\"([^\"]+)\"[^>]*id=\"export-agents\"").Groups[1].Value;
        Assert.Equal($"{Pages.Demo.Agents}?handler=csv&amp;search=Page%20{tag}&amp;status=Inactive", link);

        var file = await CsvFile.ReadAsync(await page.GetAsync(System.Net.WebUtility.HtmlDecode(link)));
        Assert.True(file.StartsWithBom);
        Assert.Equal([$"Page {tag}"], file.Rows.Select(r => r["displayName"]));
    }
}
