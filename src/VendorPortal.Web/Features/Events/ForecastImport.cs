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
        var errors = new List<RowProblem>();
        await using var reader = CsvUpload.Open(csv);
        try
        {
            await reader.ReadHeaderAsync(ct);
            if (reader.Headers.Count == 0)
                return new ForecastResult(false, 0, 0, [new RowProblem("line 1", EventRules.ForecastEmpty)]);
            var index = Columns.ToDictionary(c => c, c => reader.TryGetFieldIndex(c, out var i) ? i : -1);
            foreach (var missing in Columns.Where(c => index[c] < 0))
                errors.Add(new RowProblem("line 1", CommonRules.CsvNoColumn(missing == "ahtseconds" ? "ahtSeconds" : missing)));
            if (errors.Count > 0) return new ForecastResult(false, 0, 0, errors);

            while (await reader.ReadAsync(ct))
            {
                var line = $"line {reader.LineNumber}";
                if (rows.Count + errors.Count >= EventOperations.MaxForecastRows)
                {
                    errors.Add(new RowProblem(line, EventRules.ForecastTooManyLines(EventOperations.MaxForecastRows)));
                    break;
                }
                string Field(string name) => reader.GetString(index[name]);
                var problems = new List<RuleError>();
                var row = new ForecastRowInput { Skill = Field("skill"), Date = Field("date"), Start = Field("start") };
                if (double.TryParse(Field("contacts"), NumberStyles.Float, CultureInfo.InvariantCulture, out var contacts)) row.Contacts = contacts;
                else problems.Add(EventRules.BadContacts(Field("contacts")));
                if (double.TryParse(Field("ahtseconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var aht)) row.AhtSeconds = aht;
                else problems.Add(EventRules.BadAhtSeconds(Field("ahtseconds")));
                if (problems.Count > 0) errors.Add(new RowProblem(line, CommonRules.RowProblems(problems)));
                else rows.Add((line, row));
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new RowProblem($"line {Math.Max(1, reader.LineNumber)}", CommonRules.CsvMalformed));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new RowProblem("line 2", EventRules.ForecastNoRows));
        var result = await events.ReplaceForecastAsync(eventId, rows, errors, ct);
        // Report problems in file order.
        return result with { Errors = [.. result.Errors.OrderBy(e => e.Where.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(e.Where.AsSpan(5), out var n) ? n : 0)] };
    }
}
