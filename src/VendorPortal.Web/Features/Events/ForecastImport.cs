using System.Globalization;
using CsvHelper;

namespace VendorPortal.Web.Features.Events;

/// <summary>
/// Reads a forecast from CSV (columns skill, date, start, contacts, ahtSeconds; any order, case-insensitive) and
/// replaces the event's forecast all-or-nothing; every bad line is reported with its line number.
/// </summary>
public sealed class ForecastImport(EventOperations events)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly string[] Columns = ["skill", "date", "start", "contacts", "ahtseconds"];

    public async Task<ForecastResult> RunAsync(Guid eventId, Stream csv, CancellationToken ct)
    {
        await events.LoadAsync(eventId, ct);
        var rows = new List<(string, ForecastRowInput)>();
        var errors = new List<ForecastProblem>();
        await using var reader = CsvUpload.Open(csv);
        try
        {
            await reader.ReadHeaderAsync(ct);
            if (reader.Headers.Count == 0)
                return new ForecastResult(false, 0, 0, [new ForecastProblem("line 1", "The file is empty: the first line must name the columns skill, date, start, contacts, ahtSeconds.")]);
            var index = Columns.ToDictionary(c => c, c => reader.TryGetFieldIndex(c, out var i) ? i : -1);
            foreach (var missing in Columns.Where(c => index[c] < 0))
                errors.Add(new ForecastProblem("line 1", $"The header has no {(missing == "ahtseconds" ? "ahtSeconds" : missing)} column."));
            if (errors.Count > 0) return new ForecastResult(false, 0, 0, errors);

            while (await reader.ReadAsync(ct))
            {
                var line = $"line {reader.LineNumber}";
                if (rows.Count + errors.Count >= EventOperations.MaxForecastRows)
                {
                    errors.Add(new ForecastProblem(line, $"The file has more than {EventOperations.MaxForecastRows:N0} rows; split the event."));
                    break;
                }
                string Field(string name) => reader.GetString(index[name]);
                var problems = new List<string>();
                var row = new ForecastRowInput { Skill = Field("skill"), Date = Field("date"), Start = Field("start") };
                if (double.TryParse(Field("contacts"), NumberStyles.Float, CultureInfo.InvariantCulture, out var contacts)) row.Contacts = contacts;
                else problems.Add($"bad contacts '{Field("contacts")}' (a number)");
                if (double.TryParse(Field("ahtseconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var aht)) row.AhtSeconds = aht;
                else problems.Add($"bad ahtSeconds '{Field("ahtseconds")}' (a number of seconds)");
                if (problems.Count > 0) errors.Add(new ForecastProblem(line, string.Join("; ", problems)));
                else rows.Add((line, row));
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new ForecastProblem($"line {Math.Max(1, reader.LineNumber)}", "malformed CSV here (check the quotes); nothing was stored"));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new ForecastProblem("line 2", "The file has no forecast rows."));
        var result = await events.ReplaceForecastAsync(eventId, rows, errors, ct);
        // Report problems in file order.
        return result with { Errors = [.. result.Errors.OrderBy(e => e.Where.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(e.Where.AsSpan(5), out var n) ? n : 0)] };
    }
}
