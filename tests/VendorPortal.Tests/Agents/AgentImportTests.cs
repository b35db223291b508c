using System.Net.Http.Headers;
using System.Text;

namespace VendorPortal.Tests.Agents;

[Collection(AppCollection.Name)]
public sealed class AgentImportTests(AppFactory app)
{
    private static HttpContent Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var content = new ByteArrayContent(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_names_every_bad_line()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        var good = ReserveAgents.NewRef("IMP");
        var dup = ReserveAgents.NewRef("IMP");
        var csv = $"""
            externalRef,displayName,skills,languages,status,maxWeeklyHours
            {good},"Wang, Fang",PRESALES;HOTLINE,zh|en,active,20
            {ReserveAgents.NewRef("IMP")},No Skill,NOPE,zh,active,
            {dup},First,PRESALES,zh,active,
            {dup},Second,PRESALES,zh,active,
            {ReserveAgents.NewRef("IMP")},,PRESALES,zh,active,
            {ReserveAgents.NewRef("IMP")},Bad Status,PRESALES,zh,retired,
            {ReserveAgents.NewRef("IMP")},Too Many Hours,PRESALES,zh,active,200
            """;
        using var response = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, Csv(csv));
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        var errors = problem["errors"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["reason"]!);
        Assert.Equal(["line 3", "line 5", "line 6", "line 7", "line 8"], errors.Keys.Order());
        Assert.Contains("unknown skill NOPE", errors["line 3"]);
        Assert.Contains("duplicate reference", errors["line 5"]);
        Assert.Contains("missing display name", errors["line 6"]);
        Assert.Contains("bad status", errors["line 7"]);
        Assert.Contains("maxWeeklyHours", errors["line 8"]);

        var stored = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query($"search={good}"), Json.Options);
        Assert.Equal(0, (int)stored!["total"]!);
    }

    [Fact]
    public async Task A_good_file_with_bom_and_semicolons_creates_then_updates_by_reference()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        var reference = ReserveAgents.NewRef("BOM");
        var create = $"externalRef;displayName;skills\n{reference};\"陈静; Chen Jing\";AFTERSALES\n";
        using (var preview = await apex.SendAsync(ApiRoutes.Demo.Agents.Import.Query("dryRun=true"), Csv(create, bom: true)))
        {
            await preview.ShouldBe(HttpStatusCode.OK);
            var result = await preview.ReadObjectAsync();
            Assert.False((bool)result["stored"]!);
            Assert.Equal("create", (string)result["preview"]![0]!["action"]!);
        }
        using (var stored = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, Csv(create, bom: true)))
            Assert.Equal(1, (int)(await stored.ReadObjectAsync())["created"]!);

        var update = $"externalRef,displayName,skills,status\n{reference},陈静,PRESALES|AFTERSALES,inactive\n";
        using (var updated = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, Csv(update)))
            Assert.Equal(1, (int)(await updated.ReadObjectAsync())["updated"]!);

        var found = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query($"search={reference}"), Json.Options);
        var agent = found!["items"]![0]!;
        Assert.Equal("陈静", (string)agent["displayName"]!);
        Assert.Equal("inactive", (string)agent["status"]!);
        Assert.Equal(["AFTERSALES", "PRESALES"], agent["skills"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_the_line()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        byte[] gbk = [.. Encoding.ASCII.GetBytes("externalRef,displayName\nX1,"), 0xD5, 0xC5, 0xC8, 0xFD, (byte)'\n'];
        var content = new ByteArrayContent(gbk);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, content);
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("UTF-8", problem.ToJsonString());
        Assert.Equal(["line 2"], problem.ErrorFields());
    }

    [Fact]
    public async Task Upload_as_a_form_file_works_like_a_raw_body()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"externalRef,displayName\n{ReserveAgents.NewRef("F")},Form Person\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "agents.csv");
        using var response = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, form);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.True((bool)(await response.ReadObjectAsync())["stored"]!);
    }

    [Fact]
    public async Task Tenant_staff_name_the_vendor_and_a_vendor_manager_cannot_import_for_another()
    {
        var demo = await app.Demo;
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var foreign = await harbor.SendAsync(ApiRoutes.Demo.Agents.Import.Query($"vendorId={demo.ApexInDemo}"), Csv($"externalRef,displayName\n{ReserveAgents.NewRef("X")},x\n"));
        await foreign.ShouldBeProblem(HttpStatusCode.NotFound);

        using var admin = await app.ClientFor(DemoData.Admin);
        using var missing = await admin.SendAsync(ApiRoutes.Demo.Agents.Import, Csv($"externalRef,displayName\n{ReserveAgents.NewRef("X")},x\n"));
        Assert.Contains("vendorId", (await missing.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using var named = await admin.SendAsync(ApiRoutes.Demo.Agents.Import.Query($"vendorId={demo.HarborInDemo}"), Csv($"externalRef,displayName\n{ReserveAgents.NewRef("X")},x\n"));
        await named.ShouldBe(HttpStatusCode.OK);
    }
}
