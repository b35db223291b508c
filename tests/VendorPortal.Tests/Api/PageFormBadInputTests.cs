using System.Text.RegularExpressions;

namespace VendorPortal.Tests.Api;

/// <summary>
/// The portal's main forms refuse control characters and over-long text the way the API does: the form comes back
/// (200) with a message beside the field, never an error page, and nothing is stored.
/// </summary>
[Collection(QuietCollection.Name)]
public sealed partial class PageFormBadInputTests(QuietApp quiet)
{
    private AppFactory App => quiet.App;

    /// <summary>A form: who posts it, where, its valid fields, and the text field the bad value goes in.</summary>
    private sealed record Form(string Email, string Path, string Field, Dictionary<string, string> Valid);

    private static readonly Form[] Forms =
    [
        new(DemoData.Admin, Pages.Demo.Settings, "Input.Name", new()
        {
            ["Input.Name"] = "Demo Retail Customer Service", ["Input.TimeZone"] = "Asia/Shanghai", ["Input.Currency"] = "CNY",
            ["Input.ReserveRatioTarget"] = "2", ["Input.TrainingLeadDays"] = "2", ["Input.TrainingValidityDays"] = "180",
            ["Input.ConfirmationDeadlineHours"] = "48", ["Input.AssignmentBufferPercent"] = "20", ["AlertLeadHoursText"] = "72, 48",
            ["Input.ConfirmedAlertPercent"] = "100", ["Input.TrainedAlertPercent"] = "90",
        }),
        new(DemoData.Admin, Pages.Demo.NewVendor, "Input.Name", new() { ["Input.Name"] = "Form vendor" }),
        new(DemoData.Admin, Pages.Demo.Skills, "Input.Name", new() { ["Input.Code"] = "FORMSKILL", ["Input.Name"] = "Form skill" }),
        new(DemoData.Apex, Pages.Demo.NewAgent, "Input.DisplayName", new()
        {
            ["Input.ExternalRef"] = "FORM-1", ["Input.DisplayName"] = "Form agent", ["Input.Skills"] = "PRESALES", ["Input.Status"] = "Active",
        }),
        new(DemoData.Planner, Pages.Demo.Events, "Input.Name", new()
        {
            ["Input.Name"] = "Form event", ["Input.StartDate"] = "2027-03-01", ["Input.EndDate"] = "2027-03-02",
            ["Input.IntervalMinutes"] = "30", ["Input.ServiceLevel"] = "0.8", ["Input.TargetSeconds"] = "20", ["Input.Shrinkage"] = "0.3", ["Input.MaxOccupancy"] = "1",
        }),
        new(DemoData.Planner, Pages.Demo.NewTraining, "Input.Title", new()
        {
            ["Input.Title"] = "Form session", ["Input.Skills"] = "PRESALES", ["Input.StartsAtLocal"] = "2027-03-01T09:00",
            ["Input.EndsAtLocal"] = "2027-03-01T10:00", ["Input.Capacity"] = "5",
        }),
    ];

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "ESC", "Name\u001b[31m with ESC", "Remove the control characters from this text." },
        { "line break", "Name\r\nwith a line break", "Write this on one line, without tabs or line breaks." },
        { "over-long", new string('x', 5000), "Use at most" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Main_forms_refuse_bad_text_beside_the_field_and_store_nothing(string kind, string value, string message)
    {
        var problems = new List<string>();
        foreach (var form in Forms)
        {
            var before = await quiet.RowCountsAsync();
            var fields = new Dictionary<string, string>(form.Valid) { [form.Field] = value };
            var (status, html) = await PostFormAsync(form, fields);
            if (status != HttpStatusCode.OK)
                problems.Add($"{form.Path}: {kind} answered {(int)status} {html[..Math.Min(html.Length, 1500)]}");
            else if (!FieldMessage(html, form.Field).Contains(message, StringComparison.Ordinal))
                problems.Add($"{form.Path}: {kind} came back without '{message}' beside {form.Field}: {FieldMessage(html, form.Field)}");
            if (QuietApp.Difference(before, await quiet.RowCountsAsync()) is { Length: > 0 } changed)
                problems.Add($"{form.Path}: {kind} changed row counts: {changed}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The validation message the page shows for the field (asp-validation-for renders data-valmsg-for).</summary>
    private static string FieldMessage(string html, string field)
    {
        var match = Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : "(no message element)";
    }

    private async Task<(HttpStatusCode Status, string Html)> PostFormAsync(Form form, Dictionary<string, string> fields)
    {
        using var client = await App.CookieClientFor(form.Email);
        using var page = await client.GetAsync(form.Path);
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var body = fields.ToList();
        body.Add(new("__RequestVerificationToken", AntiforgeryField().Match(html).Groups[1].Value));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, form.Path) { Content = new FormUrlEncodedContent(body) };
        post.Headers.Add("Cookie", $"{client.DefaultRequestHeaders.GetValues("Cookie").Single()}; {antiforgery}");
        using var anonymous = App.Anonymous();
        using var response = await anonymous.SendAsync(post);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
