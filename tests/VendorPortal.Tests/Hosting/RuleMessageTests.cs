using System.Collections;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using VendorPortal.Web.Shared;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// A broken rule answers with a stable code and a text in the requester's language: every code has an English and a
/// Simplified Chinese text with a placeholder per argument, and the API and the portal pick the language of the request.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RuleMessageTests(AppFactory app)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void Every_rule_has_an_English_and_a_Chinese_text_with_a_placeholder_per_argument()
    {
        var rules = EveryRule();
        Assert.True(rules.Select(r => r.Code).Distinct().Count() > 100, "The catalogues were not found: are they still static classes named *Rules?");
        var english = Texts(CultureInfo.InvariantCulture);
        var chinese = Texts(Chinese);
        var problems = new List<string>();
        foreach (var rule in rules)
            foreach (var (language, texts) in new[] { ("English", english), ("Chinese", chinese) })
            {
                if (!texts.TryGetValue(rule.Code, out var text)) problems.Add($"{rule.Code} has no {language} text.");
                else if (Placeholders(text) != rule.Args.Length)
                    problems.Add($"{rule.Code}: the {language} text has {Placeholders(text)} placeholders for {rule.Args.Length} arguments.");
                else if (rule.Args.Select((a, i) => (a, i)).FirstOrDefault(x => x.a is DateOnly or TimeOnly or DateTime or DateTimeOffset or double
                    && !text.Contains($"{{{x.i}:", StringComparison.Ordinal)) is { a: not null } unformatted)
                    problems.Add($"{rule.Code}: the {language} text shows argument {unformatted.i} ({unformatted.a.GetType().Name}) without a format, so it would read differently in each culture.");
            }
        var raised = rules.Select(r => r.Code).ToHashSet();
        problems.AddRange(english.Keys.Concat(chinese.Keys).Distinct().Where(code => !raised.Contains(code)).Select(code => $"{code} has a text but no rule raises it."));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
        foreach (var rule in rules)
        {
            Assert.DoesNotContain("{", rule.Text(RuleError.English));
            Assert.DoesNotContain("{", rule.Text(Chinese));
        }
    }

    [Fact]
    public async Task An_API_rule_answers_with_its_code_and_its_English_text()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Skills.Create, new { code = "presales", name = "Again" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal("skill.code_taken", (string?)problem["code"]);
        Assert.Equal("A skill with code PRESALES already exists.", (string?)problem["detail"]);
        var error = problem["errors"]!.AsArray().Single()!;
        Assert.Equal(("code", "skill.code_taken", "A skill with code PRESALES already exists."),
            ((string?)error["name"], (string?)error["code"], (string?)error["reason"]));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh")]
    [InlineData("fr-FR, zh-CN;q=0.8")]
    public async Task An_API_rule_speaks_the_Chinese_the_request_accepts(string acceptLanguage)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        admin.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Skills.Create, new { code = "presales", name = "Again" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal("skill.code_taken", (string?)problem["code"]);
        Assert.Equal("技能代码 PRESALES 已存在。", (string?)problem["detail"]);
        Assert.Equal("技能代码 PRESALES 已存在。", (string?)problem["errors"]![0]!["reason"]);
    }

    [Fact]
    public async Task Every_refused_row_carries_its_own_code_and_text()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        apex.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        using var csv = new StringContent($"externalRef,displayName\n,No reference\nRULE-{Guid.NewGuid():N},\n");
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await apex.SendAsync(ApiRoutes.Demo.Agents.Import, csv);
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("common.rows_wrong", (string?)problem["code"]);
        Assert.Equal("有 2 行有误，未做任何更改。", (string?)problem["detail"]);
        var errors = problem["errors"]!.AsArray().Select(e => ((string?)e!["name"], (string?)e["code"], (string?)e["reason"])).ToList();
        Assert.Equal(
        [
            ("line 2", "agent.import.missing_reference", "缺少工号"),
            ("line 3", "agent.import.missing_name", "缺少姓名"),
        ], errors);
    }

    [Fact]
    public async Task A_refused_forecast_row_carries_its_code_and_speaks_the_requests_language()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var day = app.Today().AddDays(40);
        using var created = await planner.SendAsync(ApiRoutes.Demo.Events.Create,
            new { name = $"Rule codes {Guid.NewGuid():N}", startDate = day, endDate = day, intervalMinutes = 30 });
        var id = (string)(await created.ReadObjectAsync())["id"]!;
        var csv = $"skill,date,start,contacts,ahtSeconds\nPRESALES,{day:yyyy-MM-dd},10:00,100,180\nNOPE,{day:yyyy-MM-dd},10:10,100,180\n";
        foreach (var (language, detail, reason) in new[]
        {
            ("en", "1 row is wrong; nothing was changed.", "unknown skill NOPE; start 10:10 is not on the 30-minute interval grid"),
            ("zh-CN", "有 1 行有误，未做任何更改。", "未知技能 NOPE; 开始时间 10:10 不在 30 分钟的时间格上"),
        })
        {
            using var request = ApiRoutes.Demo.Events.ImportForecast(id).Request(new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            using var response = await planner.SendAsync(request);
            var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("common.row_wrong", (string?)problem["code"]);
            Assert.Equal(detail, (string?)problem["detail"]);
            var error = problem["errors"]!.AsArray().Single()!;
            Assert.Equal(("line 3", "common.row_problems", reason), ((string?)error["name"], (string?)error["code"], (string?)error["reason"]));
        }
    }

    [Fact]
    public async Task A_portal_page_in_Chinese_shows_the_rule_in_Chinese_beside_its_field()
    {
        using var admin = await app.CookieClientFor(DemoData.Admin);
        var cookie = admin.DefaultRequestHeaders.GetValues("Cookie").Single();
        admin.DefaultRequestHeaders.Remove("Cookie");
        admin.DefaultRequestHeaders.Add("Cookie", $"{cookie}; .AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        using var response = await admin.PostFormAsync(Pages.Demo.Skills, null, [new("Input.Code", "presales"), new("Input.Name", "Again")]);
        await response.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(FieldError("Input.Code", "技能代码 PRESALES 已存在。"), html);
    }

    /// <summary>Every rule the catalogues can raise: each factory called with every kind of value its parameters take.</summary>
    private static List<RuleError> EveryRule()
    {
        var catalogues = typeof(RuleError).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Rules", StringComparison.Ordinal));
        var rules = new List<RuleError>();
        foreach (var member in catalogues.SelectMany(c => c.GetMembers(BindingFlags.Public | BindingFlags.Static)))
        {
            if (member is PropertyInfo { PropertyType: var type } property && type == typeof(RuleError))
                rules.Add((RuleError)property.GetValue(null)!);
            else if (member is MethodInfo method && method.ReturnType == typeof(RuleError) && !method.IsSpecialName)
                foreach (var args in Combinations(method.GetParameters().Select(Samples).ToList()))
                    rules.Add((RuleError)method.Invoke(null, args)!);
        }
        return [.. rules.SelectMany(Nested)];
    }

    private static IEnumerable<RuleError> Nested(RuleError rule) =>
        rule.Args.SelectMany(a => a switch
        {
            RuleError inner => Nested(inner),
            RuleList list => list.Items.SelectMany(Nested),
            _ => [],
        }).Prepend(rule);

    private static object?[] Samples(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        object?[] values = type switch
        {
            _ when type == typeof(string) => ["PRESALES"],
            _ when type == typeof(int) => [1, 3],
            _ when type == typeof(long) => [3L],
            _ when type == typeof(double) => [12.5],
            _ when type == typeof(Guid) => [Guid.Empty],
            _ when type == typeof(DateOnly) => [new DateOnly(2026, 3, 29)],
            _ when type == typeof(DateTime) => [new DateTime(2026, 3, 29, 2, 30, 0)],
            _ when type == typeof(TimeOnly) => [new TimeOnly(10, 10)],
            _ when type == typeof(DateTimeOffset) => [new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.FromHours(8))],
            _ when type.IsEnum => [.. Enum.GetValues(type).Cast<object>()],
            _ when type == typeof(RuleError) => [CommonRules.DuplicateKey],
            _ when type.IsAssignableFrom(typeof(List<RuleError>)) => [new List<RuleError> { CommonRules.DuplicateKey, CommonRules.ChangedConcurrently }],
            _ when type.IsAssignableFrom(typeof(List<string>)) => [new List<string> { "PRESALES", "HOTLINE" }],
            _ => throw new InvalidOperationException($"No sample value for {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}({type.Name} {parameter.Name})."),
        };
        var nullable = !type.IsValueType
            ? new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable
            : parameter.ParameterType != type;
        return nullable ? [.. values, null] : values;
    }

    private static IEnumerable<object?[]> Combinations(IReadOnlyList<object?[]> choices) =>
        choices.Aggregate((IEnumerable<object?[]>)[[]], (sofar, next) => sofar.SelectMany(args => next.Select(v => (object?[])[.. args, v])));

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        RuleError.Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static int Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    private static Regex FieldError(string field, string message) =>
        new($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]*(<[^>]*>)?{Regex.Escape(message)}");

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
