using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Tests.Shifts;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.Events;

namespace VendorPortal.Tests.Api;

/// <summary>
/// Every CSV import refuses files that are not the CSV it documents — binary files, control characters, another
/// delimiter, no header, duplicate rows, more rows than its maximum — with a 422 naming the line, and imports nothing.
/// </summary>
[Collection(QuietCollection.Name)]
public sealed class CsvImportBadInputTests(QuietApp quiet)
{
    /// <summary>Every CSV import route; the bad-input sweep fails when a new one is missing here.</summary>
    public static readonly HashSet<string> Imports = new(StringComparer.Ordinal)
    {
        "api/t/{tenant}/agents/import",
        "api/t/{tenant}/events/{eventId}/forecast/import",
        "api/t/{tenant}/events/{eventId}/in-house/import",
        "api/t/{tenant}/contact-volumes/import",
    };

    private AppFactory App => quiet.App;

    /// <summary>One import: who sends it, where, its header, and a valid data row made from a number.</summary>
    private sealed record Import(string Caller, ApiRoute Route, string Header, Func<int, string> Row, int MaxRows);

    private async Task<IReadOnlyList<Import>> ImportsAsync()
    {
        using var planner = await App.ClientFor(DemoData.Planner);
        var first = ShiftSetup.DemoToday(App.Services.GetRequiredService<TimeProvider>()).AddDays(40);
        var eventId = await planner.NewEventAsync(first, 3);
        return
        [
            new(DemoData.Apex, ApiRoutes.Demo.Agents.Import, "externalRef,displayName,skills", i => $"CSV-{i},Agent {i},PRESALES", AgentImport.MaxRows),
            new(DemoData.Planner, ApiRoutes.Demo.Events.ImportForecast(eventId), "skill,date,start,contacts,ahtSeconds",
                i => $"PRESALES,{first.AddDays(i / 48 % 3):yyyy-MM-dd},{TimeSpan.FromMinutes(i % 48 * 30):hh\\:mm},{100 + i},300", EventOperations.MaxForecastRows),
            new(DemoData.Planner, ApiRoutes.Demo.Events.ImportInHouse(eventId), "skill,date,start,agents",
                i => $"PRESALES,{first.AddDays(i / 48 % 3):yyyy-MM-dd},{TimeSpan.FromMinutes(i % 48 * 30):hh\\:mm},{i % 1000}", InHouseSchedule.MaxRows),
            new(DemoData.Apex, ApiRoutes.Demo.ContactVolumes.Import, "skill,date,handled",
                i => $"PRESALES,{new DateOnly(2026, 1, 1).AddDays(i % 300):yyyy-MM-dd},{100 + i}", ContactVolumeOperations.MaxCsvRows),
        ];
    }

    private static string Csv(Import import, params string[] rows) => string.Join("\n", [import.Header, .. rows]) + "\n";

    public static TheoryData<string> Kinds => new()
    {
        "PNG image", "random bytes", "NUL bytes in a row", "escape character in a row", "invalid UTF-8 in a row",
        "tab as the delimiter", "pipe as the delimiter", "no header", "duplicate rows", "more rows than the maximum",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_bad_file_is_refused_naming_the_line_and_imports_nothing(string kind)
    {
        var problems = new List<string>();
        foreach (var import in await ImportsAsync())
        {
            var body = kind switch
            {
                "PNG image" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0xFF, 0xD8],
                "random bytes" => RandomBytes(),
                "NUL bytes in a row" => Encoding.UTF8.GetBytes(Csv(import, import.Row(1), import.Row(2).Replace("2", "2\0\0"))),
                "escape character in a row" => Encoding.UTF8.GetBytes(Csv(import, import.Row(1).Replace("1", "1\u001b[31m"))),
                "invalid UTF-8 in a row" => [.. Encoding.UTF8.GetBytes(Csv(import, import.Row(1))), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(import.Row(2) + "\n")],
                "tab as the delimiter" => Encoding.UTF8.GetBytes(Csv(import, import.Row(1)).Replace(',', '\t')),
                "pipe as the delimiter" => Encoding.UTF8.GetBytes(Csv(import, import.Row(1)).Replace(',', '|')),
                "no header" => Encoding.UTF8.GetBytes(string.Join("\n", import.Row(1), import.Row(2)) + "\n"),
                "duplicate rows" => Encoding.UTF8.GetBytes(Csv(import, import.Row(1), import.Row(2), import.Row(1))),
                "more rows than the maximum" => Encoding.UTF8.GetBytes(Csv(import, [.. Enumerable.Range(1, import.MaxRows + 1).Select(import.Row)])),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            using var client = await App.ClientFor(import.Caller);
            var before = await quiet.RowCountsAsync();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await client.SendAsync(import.Route, content);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.UnprocessableEntity || response.Content.Headers.ContentType?.MediaType != Responses.ProblemJson)
                problems.Add($"{import.Route.Path}: {kind} answered {(int)response.StatusCode} {Clip(text)}");
            else if (!text.Contains("line ", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{import.Route.Path}: {kind} was refused without naming a line: {Clip(text)}");
            if (QuietApp.Difference(before, await quiet.RowCountsAsync()) is { Length: > 0 } changed)
                problems.Add($"{import.Route.Path}: {kind} changed row counts: {changed}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Json_or_form_fields_without_a_file_are_refused_and_an_oversized_file_gets_413()
    {
        foreach (var import in await ImportsAsync())
        {
            using var client = await App.ClientFor(import.Caller);
            using (var json = await client.SendAsync(import.Route, new { rows = Array.Empty<object>() }))
                await json.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
            using (var form = await client.SendAsync(import.Route, new MultipartFormDataContent { { new StringContent("x"), "other" } }))
                await form.ShouldBeProblem(HttpStatusCode.BadRequest);
            using var big = new ByteArrayContent(new byte[21 * 1024 * 1024]);
            big.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var tooLarge = await client.SendAsync(import.Route, big);
            await tooLarge.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        }
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
