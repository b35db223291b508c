using System.Text;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class AgentTests(PortalApp app)
{
    private const string Header = "externalRef,displayName,skills,languages,status,maxWeeklyHours,notes\n";

    [Fact]
    public async Task Vendor_manager_sees_the_bad_line_in_the_preview_and_imports_the_fixed_file()
    {
        var batch = $"IMP{Guid.NewGuid().ToString("N")[..5].ToUpperInvariant()}";
        var page = await app.SignInAsync("apex@demo.test");
        await page.GotoAsync(Pages.Demo.Agents);
        await page.ClickAsync("#import-agents");
        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.ImportAgents}");

        await UploadAsync(page, Header +
            $"{batch}-1,赵小明,PRESALES;HOTLINE,zh;en,active,20,\n" +
            $"{batch}-2,Olivia Chen,NOSUCHSKILL,en,active,99,\n" +
            $"{batch}-3,钱多多,PRESALES,zh,,16,Evenings\n");

        await page.WaitForSelectorAsync("#import-errors");
        Assert.Equal(["3"], await page.Locator("#import-errors [data-line]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.line)"));
        var problem = await page.InnerTextAsync("#import-errors [data-line='3']");
        Assert.Contains("unknown skill NOSUCHSKILL", problem);
        Assert.Contains("bad maxWeeklyHours '99'", problem);
        Assert.Contains("Nothing was stored", await page.InnerTextAsync("#import-refused"));
        Assert.Equal(0, await page.Locator("#store-import").CountAsync());
        Assert.Equal(2, await page.Locator("#import-preview tbody tr").CountAsync());

        await page.GotoAsync($"{Pages.Demo.Agents}?search={batch}");
        Assert.Equal(0, await page.Locator("#agent-table tr[data-agent]").CountAsync());

        await page.GotoAsync(Pages.Demo.ImportAgents);
        await UploadAsync(page, Header +
            $"{batch}-1,赵小明,PRESALES;HOTLINE,zh;en,active,20,\n" +
            $"{batch}-2,Olivia Chen,PRESALES,en,active,40,\n" +
            $"{batch}-3,钱多多,PRESALES,zh,,16,Evenings\n");
        await page.WaitForSelectorAsync("#import-ready");
        Assert.Equal("3", await page.InnerTextAsync("#count-created"));
        Assert.Contains("Store 3 agents", await page.InnerTextAsync("#store-import"));

        await page.ClickAsync("#store-import");
        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Agents}");
        Assert.Contains("Imported 3 agents", await page.InnerTextAsync("#flash"));
        await page.GotoAsync($"{Pages.Demo.Agents}?search={batch}");
        Assert.Equal([$"{batch}-1", $"{batch}-2", $"{batch}-3"],
            (await page.Locator("#agent-table tr[data-agent]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agent)")).Order().ToArray());
        Assert.Contains("钱多多", await page.InnerTextAsync("#agent-table"));
    }

    [Fact]
    public async Task The_sample_csv_has_the_header_and_a_Chinese_name()
    {
        var page = await app.SignInAsync("apex@demo.test");
        var response = await page.APIRequest.GetAsync($"{Pages.Demo.ImportAgents}?handler=Sample");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"]);
        var text = Encoding.UTF8.GetString(await response.BodyAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("externalRef,displayName,skills,languages,status,maxWeeklyHours,notes", text);
        Assert.Contains("王芳", text);
    }

    [Fact]
    public async Task Vendor_manager_does_not_see_another_vendors_agents()
    {
        var page = await app.SignInAsync("harbor@demo.test");
        await page.GotoAsync($"{Pages.Demo.Agents}?pageSize=200");
        var refs = await page.Locator("#agent-table tr[data-agent]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agent)");
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.StartsWith("SHH", r));
    }

    internal static async Task UploadAsync(IPage page, string csv)
    {
        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "agents.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#preview-import");
        await page.WaitForSelectorAsync("#import-result");
    }
}
