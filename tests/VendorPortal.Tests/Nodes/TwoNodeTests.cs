using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Billing;
using static VendorPortal.Tests.Shifts.ShiftSetup;
using PostgreSqlFactory = VendorPortal.Migrations.PostgreSql.DesignTimeFactory;

namespace VendorPortal.Tests.Nodes;

/// <summary>
/// Two real app processes, A and B, on one PostgreSQL database, as two nodes behind a load balancer run: whatever one
/// node starts, issues or numbers, the other sees and honours, and whatever both do at once happens once. The app's
/// clock is the machine's here (a separate process cannot be pinned), so dates come from the server's Date header.
/// </summary>
[Collection(TwoNodeCollection.Name)]
public sealed partial class TwoNodeTests(TwoNodes nodes)
{
    private AppNode A => nodes.A;
    private AppNode B => nodes.B;

    [PostgreSqlFact]
    public async Task Both_nodes_started_at_once_on_the_empty_database_migrate_and_seed_it_once()
    {
        foreach (var node in new[] { A, B })
        {
            Assert.False(node.HasExited, node.Output);
            using var client = node.Client();
            using var ready = await client.GetAsync("/health/ready");
            await ready.ShouldBe(HttpStatusCode.OK);
        }

        using (var design = new PostgreSqlFactory().CreateDbContext([]))
            Assert.Equal(design.Database.GetMigrations(), await nodes.ColumnAsync<string>("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));

        foreach (var slug in new[] { "demo", "sandbox" })
            Assert.Equal(1L, await nodes.ScalarAsync<long>("""SELECT count(*) FROM "Tenants" WHERE "Slug" = @slug""", ("slug", slug)));
        foreach (var email in new[] { DemoData.Admin, DemoData.Planner, DemoData.Finance, DemoData.Apex, DemoData.Harbor, DemoData.SandboxAdmin, DemoData.Operator })
            Assert.Equal(1L, await nodes.ScalarAsync<long>("""SELECT count(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", ("email", email.ToUpperInvariant())));
        foreach (var (slug, vendor) in new[] { ("demo", "Apex BPO"), ("demo", "Harbor Contact"), ("sandbox", "Apex BPO") })
            Assert.Equal(1L, await nodes.ScalarAsync<long>(
                """SELECT count(*) FROM "Vendors" v JOIN "Tenants" t ON t."Id" = v."TenantId" WHERE t."Slug" = @slug AND v."Name" = @vendor""",
                ("slug", slug), ("vendor", vendor)));
        // The demo month's statement, issued by the seed (the other tests bill vendors of their own).
        Assert.Equal(1L, await nodes.ScalarAsync<long>("""
            SELECT count(*) FROM "Statements" s JOIN "Vendors" v ON v."Id" = s."VendorId" JOIN "Tenants" t ON t."Id" = s."TenantId"
            WHERE t."Slug" = 'demo' AND v."Name" = 'Apex BPO' AND s."Status" = 'Issued'
            """));
    }

    [PostgreSqlFact]
    public async Task A_portal_cookie_and_tokens_issued_by_one_node_work_on_the_other()
    {
        // API: signed in on A, the token is accepted on B; B refreshes A's refresh token, and A accepts the new token.
        var tokens = await TokensAsync(A, DemoData.Planner);
        Assert.Equal(DemoData.Planner, await MeAsync(B, tokens.Access));
        using (var refresh = await B.Client().SendAsync(ApiRoutes.Auth.Refresh, new { refreshToken = tokens.Refresh }))
        {
            await refresh.ShouldBe(HttpStatusCode.OK);
            Assert.Equal(DemoData.Planner, await MeAsync(A, (string)(await refresh.ReadObjectAsync())["accessToken"]!));
        }

        // Portal: the sign-in form comes from B and is posted to A (the antiforgery pair crosses nodes), A sets the
        // cookie, and B opens the dashboard with it.
        using var browser = Browser();
        using (var anonymous = await browser.GetAsync(B.Url(Pages.Demo.Home)))
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        await SignInAsync(browser, form: B, post: A, DemoData.Planner);
        using var dashboard = await browser.GetAsync(B.Url(Pages.Demo.Home));
        await dashboard.ShouldBe(HttpStatusCode.OK);
    }

    [PostgreSqlFact]
    public async Task The_readiness_scan_run_on_both_nodes_raises_each_alert_once_and_mails_it_once()
    {
        // A shift 59-60 h ahead on the server's clock: past the 72 h lead time, before the 48 h one and the confirm-by time.
        var start = await ServerNowAsync(A) + TimeSpan.FromHours(60);
        var wall = start.ToOffset(Shanghai).DateTime;
        wall = wall.Date.AddHours(wall.Hour);
        var name = $"Two nodes {Guid.NewGuid():N}"[..22];
        using var planner = await ClientAsync(A, DemoData.Planner);
        using var apex = await ClientAsync(B, DemoData.Apex);
        var eventId = await planner.NewEventAsync(DateOnly.FromDateTime(wall), 2, name: name);
        var shiftId = await planner.NewShiftAsync(eventId, await ApexInDemoAsync(), wall, wall.AddHours(1), 4);
        await apex.AssignedAsync(shiftId, [.. await apex.AgentsAsync(4)]);

        // The operator triggers the alert dispatch from the jobs dashboard of both nodes at the same moment.
        using var ops = Browser();
        await SignInAsync(ops, form: A, post: A, DemoData.Operator);
        var token = await DashboardTokenAsync(ops, A);
        var triggers = await Task.WhenAll(new[] { A, B }.Select(node => TriggerAsync(ops, node, token, "alerts:dispatch")));
        foreach (var trigger in triggers)
        {
            Assert.True(trigger.IsSuccessStatusCode, $"The dashboard trigger answered {(int)trigger.StatusCode}.");
            trigger.Dispose();
        }

        var alerts = await WaitForAsync("both dispatches, the evaluations and their e-mails", async () =>
        {
            var found = await AlertsOfAsync(planner, eventId);
            var done = found.Count == 2
                && await nodes.ScalarAsync<long>("""SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%DispatchAlerts%' AND statename = 'Succeeded'""") >= 2
                && await nodes.ScalarAsync<long>("""SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing')""") == 0
                && await nodes.ScalarAsync<long>("""SELECT count(*) FROM "Notifications" WHERE "SentAt" IS NULL""") == 0;
            return done ? found : null;
        });
        Assert.Equal(["confirmationsShort:72", "trainingShort:72"],
            alerts.Select(a => $"{(string)a["kind"]!}:{(int?)a["leadHours"]}").Order(StringComparer.Ordinal));
        Assert.True(await nodes.ScalarAsync<long>(
            """SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%EvaluateAlerts%' AND statename = 'Succeeded'""") >= 2 * 2,
            "Each dispatch evaluates both tenants.");

        // Each alert mailed once to Apex's manager and once to the planner (each in their own language), by whichever node sent it.
        var subjects = (await MailAboutAsync(name)).GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Select(m => m.Subject).ToList());
        Assert.Equal([DemoData.Apex, DemoData.Planner], subjects.Keys.Order(StringComparer.Ordinal));
        Assert.All(subjects.Values, mails => Assert.Equal(2, mails.Distinct().Count()));
        Assert.All(subjects.Values, mails => Assert.Equal(2, mails.Count));
    }

    [PostgreSqlFact]
    public async Task Twenty_statements_issued_at_once_across_the_nodes_get_twenty_consecutive_numbers()
    {
        var drafts = await DraftsAsync(20, firstYear: 2001);
        using var financeA = await ClientAsync(A, DemoData.Finance);
        using var financeB = await ClientAsync(B, DemoData.Finance);

        var issued = await Task.WhenAll(drafts.Select(async (id, i) =>
        {
            using var response = await (i % 2 == 0 ? financeA : financeB).SendAsync(ApiRoutes.Demo.Statements.Issue(id), new { expectedTotal = 0m });
            await response.ShouldBe(HttpStatusCode.OK);
            return (string)(await response.ReadObjectAsync())["statement"]!["number"]!;
        }));

        var sequences = issued.Select(Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 20), sequences);
        Assert.Single(issued.Select(n => n[..4]).Distinct());
        await AssertNumbersGapFreeAsync();
    }

    [PostgreSqlFact]
    public async Task Forty_confirmations_of_one_assignment_across_the_nodes_change_it_once()
    {
        var day = DateOnly.FromDateTime((await ServerNowAsync(A)).ToOffset(Shanghai).DateTime).AddDays(9);
        using var planner = await ClientAsync(A, DemoData.Planner);
        using var apexA = await ClientAsync(A, DemoData.Apex);
        using var apexB = await ClientAsync(B, DemoData.Apex);
        var eventId = await planner.NewEventAsync(day, 1);
        var shiftId = await planner.NewShiftAsync(eventId, await ApexInDemoAsync(), Wall(day, 9), Wall(day, 17), 1);
        var agentId = await apexA.NewAgentAsync();
        await apexA.AssignedAsync(shiftId, agentId);
        var assignmentId = (await apexA.AssignmentIdsAsync(shiftId, [agentId])).Single();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? apexA : apexB).DecideAsync(Confirm(assignmentId));
            var body = await response.ReadObjectAsync();
            return (Status: response.StatusCode, Body: body);
        }));

        // One request changes the assignment. Every other one either lost the race (409) or came after the winner had
        // saved, when confirming again changes nothing (200, unchanged).
        static bool Won((HttpStatusCode Status, JsonObject Body) a) => a.Status == HttpStatusCode.OK && (int)a.Body["confirmed"]! == 1;
        Assert.Single(answers, Won);
        Assert.All(answers.Where(a => !Won(a)), a => Assert.True(
            a.Status == HttpStatusCode.Conflict && (int?)a.Body["status"] == 409 || a.Status == HttpStatusCode.OK && (int)a.Body["unchanged"]! == 1,
            a.Body.ToJsonString()));
        Assert.Equal("confirmed", await apexB.StatusOfAsync(shiftId, assignmentId));

        using var admin = await ClientAsync(B, DemoData.Admin);
        var audit = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query($"entityType=Assignment&entityId={assignmentId}"), Json.Options);
        Assert.Equal(["updated", "created"], audit!["items"]!.AsArray().Select(e => (string?)e!["action"]));
    }

    [PostgreSqlFact]
    public async Task A_node_killed_in_the_middle_of_an_agent_import_stores_none_of_it_and_the_other_node_keeps_answering()
    {
        var prefix = $"KILL-{Guid.NewGuid():N}"[..13];
        var csv = new StringBuilder("externalRef,displayName,skills,languages,status\n");
        for (var i = 0; i < 10_000; i++) csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i:00000},Import Agent {i},PRESALES,zh,active\n");
        async Task<long> StoredAsync() =>
            await nodes.ScalarAsync<long>("""SELECT count(*) FROM "Agents" WHERE "ExternalRef" LIKE @prefix""", ("prefix", prefix + "%"));

        // Node C takes the 10,000-row import (some 2.5 MB of table pages) and is killed once the table has grown by 1 MB,
        // about 4,000 rows written and not yet committed: past several of the import's saves of 1,000 rows, before its last.
        var c = await StartVictimAsync("c");
        async Task<long> AgentPagesAsync() => await nodes.ScalarAsync<long>("""SELECT pg_relation_size('"Agents"')""");
        var before = await AgentPagesAsync();
        using var apexC = await ClientAsync(c, DemoData.Apex);
        var import = Answer(apexC.SendAsync(ApiRoutes.Demo.Agents.Import, BillingSetup.Csv(csv.ToString())));
        await KillWhenAsync(c, import, "1 MB of the import written", async () => await AgentPagesAsync() - before >= 1 << 20);
        var stored = await StoredAsync();
        Assert.True(stored is 0 or 10_000, $"{stored} of the import's 10,000 agents were stored.");
        Assert.True(stored == 10_000 || await import != HttpStatusCode.OK, "The import answered 200 but stored nothing.");

        // A answers, and takes the same file whole: nothing of the killed attempt is in the way.
        await AssertNodeAnswersAsync(A);
        using var apexA = await ClientAsync(A, DemoData.Apex);
        using (var again = await apexA.SendAsync(ApiRoutes.Demo.Agents.Import, BillingSetup.Csv(csv.ToString())))
            await again.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(10_000L, await StoredAsync());
    }

    [PostgreSqlFact]
    public async Task A_node_killed_in_the_middle_of_statement_issues_leaves_each_issued_whole_or_a_draft_and_the_numbers_gap_free()
    {
        var drafts = await DraftsAsync(10, firstYear: 2003);
        var ids = drafts.ToArray();

        // Node D takes ten issues at once and is killed as soon as the first of them is saved.
        var d = await StartVictimAsync("d");
        using var financeD = await ClientAsync(d, DemoData.Finance);
        var issues = drafts.Select(id => Answer(financeD.SendAsync(ApiRoutes.Demo.Statements.Issue(id), new { expectedTotal = 0m }))).ToList();
        await KillWhenAsync(d, Task.WhenAll(issues), "the first issue saved", async () => await nodes.ScalarAsync<long>(
            """SELECT count(*) FROM "Statements" WHERE "Id" = ANY(@ids) AND "Status" = 'Issued'""", ("ids", ids)) > 0);
        var answered = new List<Guid>();
        for (var i = 0; i < drafts.Count; i++)
            if (await issues[i] == HttpStatusCode.OK) answered.Add(drafts[i]);

        // Issued with its number and stored document, or still a draft without either; never anything in between.
        Assert.Equal(0L, await nodes.ScalarAsync<long>("""
            SELECT count(*) FROM "Statements" s WHERE s."Id" = ANY(@ids) AND NOT (
                (s."Status" = 'Issued' AND s."Number" IS NOT NULL AND EXISTS (SELECT 1 FROM "StatementDocuments" d WHERE d."Id" = s."Id"))
                OR (s."Status" = 'Draft' AND s."Number" IS NULL AND NOT EXISTS (SELECT 1 FROM "StatementDocuments" d WHERE d."Id" = s."Id")))
            """, ("ids", ids)));
        Assert.Equal(answered.Count, await nodes.ScalarAsync<long>(
            """SELECT count(*) FROM "Statements" WHERE "Id" = ANY(@ids) AND "Status" = 'Issued'""", ("ids", answered.ToArray())));
        await AssertNumbersGapFreeAsync();

        // A answers, and issues whatever D left as a draft, numbering on from where D stopped.
        await AssertNodeAnswersAsync(A);
        using var financeA = await ClientAsync(A, DemoData.Finance);
        foreach (var id in await nodes.ColumnAsync<Guid>("""SELECT "Id" FROM "Statements" WHERE "Id" = ANY(@ids) AND "Status" = 'Draft'""", ("ids", ids)))
        {
            using var issue = await financeA.SendAsync(ApiRoutes.Demo.Statements.Issue(id), new { expectedTotal = 0m });
            await issue.ShouldBe(HttpStatusCode.OK);
        }
        Assert.Equal(10L, await nodes.ScalarAsync<long>("""SELECT count(*) FROM "Statements" WHERE "Id" = ANY(@ids) AND "Status" = 'Issued'""", ("ids", ids)));
        await AssertNumbersGapFreeAsync();
    }

    private async Task<AppNode> StartVictimAsync(string name)
    {
        var node = nodes.StartNode(name);
        await node.WaitReadyAsync();
        return node;
    }

    /// <summary>Polls until the condition holds while the work is still running, then kills the node (SIGKILL).</summary>
    private static async Task KillWhenAsync(AppNode node, Task work, string moment, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (work.IsCompleted) Assert.Fail($"The work ended before {moment} was seen, so node {node.Name} could not be killed in the middle.\n{node.Output}");
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) Assert.Fail($"{moment} was not seen within a minute.\n{node.Output}");
            await Task.Delay(10);
        }
        node.Kill();
    }

    /// <summary>The status a request was answered with, or 0 when its node died first.</summary>
    private static async Task<HttpStatusCode> Answer(Task<HttpResponseMessage> request)
    {
        try
        {
            using var response = await request;
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private async Task AssertNodeAnswersAsync(AppNode node)
    {
        var access = (await TokensAsync(node, DemoData.Planner)).Access;
        Assert.Equal(DemoData.Planner, await MeAsync(node, access));
    }

    /// <summary>Tenant demo's issued numbers of this year run 1, 2, 3 … up to its counter, none missing or twice.</summary>
    private async Task AssertNumbersGapFreeAsync()
    {
        var demo = await nodes.ScalarAsync<Guid>("""SELECT "Id" FROM "Tenants" WHERE "Slug" = 'demo'""");
        var year = await nodes.ScalarAsync<int>("""SELECT max("Year") FROM "StatementCounters" WHERE "TenantId" = @demo""", ("demo", demo));
        var last = await nodes.ScalarAsync<int>("""SELECT "Last" FROM "StatementCounters" WHERE "TenantId" = @demo AND "Year" = @year""", ("demo", demo), ("year", year));
        var numbers = await nodes.ColumnAsync<int>("""
            SELECT "NumberSequence" FROM "Statements" WHERE "TenantId" = @demo AND "NumberYear" = @year AND "NumberSequence" IS NOT NULL ORDER BY 1
            """, ("demo", demo), ("year", year));
        Assert.Equal(Enumerable.Range(1, last), numbers);
    }

    /// <summary>Drafts (no volumes, total 0) for consecutive months from January of a past year, of a new vendor, made on A.</summary>
    private async Task<List<Guid>> DraftsAsync(int count, int firstYear)
    {
        using var admin = await ClientAsync(A, DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Node Vendor {Guid.NewGuid():N}"[..20] });
        await created.ShouldBe(HttpStatusCode.Created);
        var vendorId = (await created.ReadObjectAsync()).Id();
        using var finance = await ClientAsync(A, DemoData.Finance);
        var drafts = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var month = new DateOnly(firstYear, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            using var draft = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId, month });
            await draft.ShouldBe(HttpStatusCode.Created);
            drafts.Add((await draft.ReadObjectAsync())["statement"]!.Id());
        }
        return drafts;
    }

    private static int Sequence(string number) => int.Parse(number[5..], CultureInfo.InvariantCulture);

    private static async Task<Sessions.Tokens> TokensAsync(AppNode node, string email)
    {
        using var client = node.Client();
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password = AppFactory.Password });
        await login.ShouldBe(HttpStatusCode.OK);
        var body = await login.ReadObjectAsync();
        return new Sessions.Tokens((string)body["accessToken"]!, (string)body["refreshToken"]!);
    }

    private static async Task<HttpClient> ClientAsync(AppNode node, string email) => node.Client((await TokensAsync(node, email)).Access);

    private static async Task<string> MeAsync(AppNode node, string accessToken)
    {
        using var client = node.Client(accessToken);
        using var me = await client.SendAsync(ApiRoutes.Me);
        await me.ShouldBe(HttpStatusCode.OK);
        return (string)(await me.ReadObjectAsync())["email"]!;
    }

    private async Task<Guid> ApexInDemoAsync()
    {
        using var admin = await ClientAsync(A, DemoData.Admin);
        var vendors = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List.Query("pageSize=200"), Json.Options);
        return vendors!["items"]!.AsArray().Single(v => (string)v!["name"]! == "Apex BPO")!.Id();
    }

    /// <summary>The server's clock, from the Date header of its answer (whole seconds are plenty here).</summary>
    private static async Task<DateTimeOffset> ServerNowAsync(AppNode node)
    {
        using var client = node.Client();
        using var live = await client.GetAsync("/health/live");
        return live.Headers.Date ?? throw new InvalidOperationException("The answer carries no Date header.");
    }

    /// <summary>A browser of its own: it keeps cookies for 127.0.0.1 and so sends them to every node.</summary>
    private static HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Opens the portal's sign-in form on one node and posts it to another.</summary>
    private static async Task SignInAsync(HttpClient browser, AppNode form, AppNode post, string email)
    {
        using var page = await browser.GetAsync(form.Url(Pages.Login));
        await page.ShouldBe(HttpStatusCode.OK);
        using var signedIn = await browser.PostAsync(post.Url(Pages.Login), new FormUrlEncodedContent(
        [
            new("Input.Email", email), new("Input.Password", AppFactory.Password),
            new("__RequestVerificationToken", Sessions.AntiforgeryToken(await page.Content.ReadAsStringAsync())),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>The jobs dashboard's antiforgery header and token, from its recurring-jobs page.</summary>
    private static async Task<(string Header, string Token)> DashboardTokenAsync(HttpClient browser, AppNode node)
    {
        using var page = await browser.GetAsync(node.Url("/hangfire/recurring"));
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        return (DashboardMeta(html, "csrf-header"), DashboardMeta(html, "csrf-token"));
    }

    private static string DashboardMeta(string html, string name) =>
        Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"The jobs dashboard has no {name}.");

    /// <summary>The dashboard's "Trigger now" for a recurring job.</summary>
    private static Task<HttpResponseMessage> TriggerAsync(HttpClient browser, AppNode node, (string Header, string Token) csrf, string job)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, node.Url("/hangfire/recurring/trigger"))
        {
            Content = new FormUrlEncodedContent([new("jobs[]", job)]),
        };
        request.Headers.Add(csrf.Header, csrf.Token);
        return browser.SendAsync(request);
    }

    private static async Task<List<JsonObject>> AlertsOfAsync(HttpClient planner, Guid eventId)
    {
        var page = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status=all&eventId={eventId}"), Json.Options);
        return [.. page!["items"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Every e-mail any node has written to its pickup folder that names the text.</summary>
    private async Task<List<MimeMessage>> MailAboutAsync(string text)
    {
        var found = new List<MimeMessage>();
        foreach (var file in nodes.Started.Where(n => Directory.Exists(n.MailFolder)).SelectMany(n => Directory.GetFiles(n.MailFolder, "*.eml")))
        {
            var message = await MimeMessage.LoadAsync(file);
            if ((message.TextBody ?? "").Contains(text, StringComparison.Ordinal)) found.Add(message);
        }
        return found;
    }

    private async Task<T> WaitForAsync<T>(string what, Func<Task<T?>> probe) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found) return found;
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) Assert.Fail($"Waited {clock.Elapsed.TotalSeconds:0} s for {what}.\n{nodes.NodeOutput}");
            await Task.Delay(250);
        }
    }
}
