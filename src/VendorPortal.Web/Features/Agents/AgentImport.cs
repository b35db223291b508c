using System.Text;
using CsvHelper;

namespace VendorPortal.Web.Features.Agents;

/// <summary>A refused line of the import and why; the reason is the rule's text in the reader's language.</summary>
public sealed record ImportProblem(long Line, [property: System.Text.Json.Serialization.JsonIgnore] RuleError Error)
{
    public string Reason => Error.Text();
}

public sealed record ImportPreviewRow(long Line, string Action, string ExternalRef, string DisplayName, IReadOnlyList<string> Skills, string Status);

public sealed record ImportResult(bool DryRun, bool Stored, int Rows, int Created, int Updated, IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportPreviewRow> Preview);

/// <summary>
/// Creates or updates a vendor's agents from CSV, matched by external reference. All-or-nothing: a file with
/// any bad row stores nothing and every bad row is reported with its line number. UTF-8 with or without BOM,
/// Excel-style quoting, comma or semicolon separated.
/// Columns (header names, any order, case-insensitive): externalRef, displayName, skills (codes separated
/// by ; or |), languages (tags separated by ; or |), status (active, inactive, left), maxWeeklyHours, notes.
/// The file is read twice as a stream, never held as rows: the first pass checks every line and keeps only the
/// problems, the counts and the preview; the second, once the whole file is known good, writes it in chunks.
/// </summary>
public sealed class AgentImport(AppDbContext db, AgentOperations agents)
{
    public const int MaxRows = 50_000;
    public const long MaxBytes = 20 * 1024 * 1024;
    private const int PreviewRows = 200;
    private const int SaveChunk = 1000;
    private static readonly char[] ListSeparators = [';', '|'];

    private sealed record Row(long Line, string ExternalRef, string DisplayName, List<string> Skills, List<string> Languages, AgentStatus Status, int? MaxWeeklyHours, string? Notes);

    /// <summary>One line of the file: a good row or what is wrong with it.</summary>
    private sealed record Parsed(Row? Row, ImportProblem? Problem);

    /// <param name="csv">A seekable stream (the uploaded copy): a good file is read a second time to store it.</param>
    public async Task<ImportResult> RunAsync(Stream csv, Guid? vendorId, bool dryRun, CancellationToken ct)
    {
        var vendor = await agents.VendorForWriteAsync(vendorId, ct);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var existing = await db.Agents.AsNoTracking().Where(a => a.VendorId == vendor)
            .ToDictionaryAsync(a => a.ExternalRef, a => a.Id, StringComparer.Ordinal, ct);

        var errors = new List<ImportProblem>();
        var preview = new List<ImportPreviewRow>();
        int rows = 0, created = 0;
        var start = csv.Position;
        await foreach (var line in ParseAsync(csv, skills, ct))
        {
            if (line.Problem is { } problem)
            {
                errors.Add(problem);
                continue;
            }
            var r = line.Row!;
            rows++;
            if (!existing.ContainsKey(r.ExternalRef)) created++;
            if (preview.Count < PreviewRows)
                preview.Add(new ImportPreviewRow(r.Line, existing.ContainsKey(r.ExternalRef) ? "update" : "create", r.ExternalRef,
                    r.DisplayName, r.Skills, r.Status.ToString().ToLowerInvariant()));
        }
        if (errors.Count > 0 || dryRun || rows == 0)
            return new ImportResult(dryRun, false, rows + errors.Count(e => e.Line > 1), created, rows - created, errors, preview);

        // Saved in chunks inside one transaction: all-or-nothing still, with a bounded number of tracked rows.
        var tenantId = db.Scope!.TenantId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        csv.Position = start;
        var chunk = new List<Row>(SaveChunk);
        await foreach (var line in ParseAsync(csv, skills, ct))
        {
            chunk.Add(line.Row ?? throw new InvalidOperationException("The file changed between its check and its import."));
            if (chunk.Count == SaveChunk) await SaveAsync(chunk, tenantId, vendor, existing, skills, ct);
        }
        await SaveAsync(chunk, tenantId, vendor, existing, skills, ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(false, true, rows, created, rows - created, [], preview);
    }

    private async Task SaveAsync(List<Row> chunk, Guid tenantId, Guid vendor, Dictionary<string, Guid> existing,
        Dictionary<string, Guid> skills, CancellationToken ct)
    {
        if (chunk.Count == 0) return;
        var updateIds = chunk.Where(r => existing.ContainsKey(r.ExternalRef)).Select(r => existing[r.ExternalRef]).ToList();
        var tracked = await db.Agents.Where(a => updateIds.Contains(a.Id)).ToDictionaryAsync(a => a.ExternalRef, StringComparer.Ordinal, ct);
        foreach (var r in chunk)
        {
            if (!tracked.TryGetValue(r.ExternalRef, out var agent))
            {
                agent = new Agent { TenantId = tenantId, VendorId = vendor, ExternalRef = r.ExternalRef, DisplayName = r.DisplayName };
                db.Agents.Add(agent);
            }
            agent.DisplayName = r.DisplayName;
            agent.Languages = r.Languages;
            agent.Status = r.Status;
            agent.MaxWeeklyHours = r.MaxWeeklyHours;
            agent.Notes = r.Notes;
            agent.SkillIds = [.. r.Skills.Select(code => skills[code])];
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        chunk.Clear();
    }

    /// <summary>The file's lines one at a time: a header problem ends the file, as does malformed CSV.</summary>
    private static async IAsyncEnumerable<Parsed> ParseAsync(Stream csv, Dictionary<string, Guid> skills,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = CsvUpload.Open(csv);
        var columns = new Dictionary<string, int>();
        var headerProblems = new List<ImportProblem>();
        if (!await ReadAsync(reader, async r => await r.ReadHeaderAsync(ct)))
        {
            yield return Malformed(reader);
            yield break;
        }
        foreach (var name in new[] { "externalref", "displayname", "skills", "languages", "status", "maxweeklyhours", "notes" })
            columns[name] = reader.TryGetFieldIndex(name, out var index) ? index : -1;
        if (reader.Headers.Count == 0)
            headerProblems.Add(new ImportProblem(1, CommonRules.CsvEmpty));
        else
            foreach (var required in new[] { "externalRef", "displayName" })
                if (columns[required.ToLowerInvariant()] < 0) headerProblems.Add(new ImportProblem(1, CommonRules.CsvNoColumn(required)));
        if (headerProblems.Count > 0)
        {
            foreach (var problem in headerProblems) yield return new Parsed(null, problem);
            yield break;
        }

        var read = 0;
        while (true)
        {
            var more = false;
            if (!await ReadAsync(reader, async r => more = await r.ReadAsync(ct)))
            {
                yield return Malformed(reader);
                yield break;
            }
            if (!more) yield break;
            if (read++ >= MaxRows)
            {
                yield return new Parsed(null, new ImportProblem(reader.LineNumber, CommonRules.CsvTooManyRows(MaxRows)));
                yield break;
            }
            yield return Parse(reader, columns, skills, seen);
        }
    }

    /// <summary>False when the CSV is malformed at this point (an iterator cannot yield from a catch).</summary>
    private static async Task<bool> ReadAsync(CsvReader reader, Func<CsvReader, Task> read)
    {
        try
        {
            await read(reader);
            return true;
        }
        catch (CsvFormatException)
        {
            return false;
        }
    }

    private static Parsed Malformed(CsvReader reader) =>
        new(null, new ImportProblem(Math.Max(1, reader.LineNumber), CommonRules.CsvMalformed));

    private static Parsed Parse(CsvReader reader, Dictionary<string, int> columns, Dictionary<string, Guid> skills, Dictionary<string, long> seen)
    {
        var line = reader.LineNumber;
        if (!System.Text.Unicode.Utf8.IsValid(reader.RawRecord))
            return new Parsed(null, new ImportProblem(line, AgentRules.ImportNotUtf8));
        string Field(string name) => columns[name] < 0 ? "" : reader.GetString(columns[name]);

        var problems = new List<RuleError>();
        var reference = Field("externalref");
        var name = Field("displayname");
        if (reference.Length == 0) problems.Add(AgentRules.MissingReference);
        else if (reference.Length > 64) problems.Add(AgentRules.ReferenceTooLong);
        else if (seen.TryGetValue(reference, out var first)) problems.Add(AgentRules.DuplicateReference(reference, first));
        else seen[reference] = line;
        if (name.Length == 0) problems.Add(AgentRules.MissingName);
        else if (name.Length > 200) problems.Add(AgentRules.NameTooLong);

        var codes = Split(Field("skills"));
        var unknown = codes.Where(c => !skills.ContainsKey(c)).ToList();
        if (unknown.Count > 0) problems.Add(AgentRules.UnknownSkill(unknown));
        var languages = Split(Field("languages"));
        var badLanguages = languages.Where(l => !AgentInputValidator.IsLanguageTag(l)).ToList();
        if (badLanguages.Count > 0) problems.Add(AgentRules.BadLanguage(badLanguages));

        var statusText = Field("status");
        var status = AgentStatus.Active;
        if (statusText.Length > 0 && (!Enum.TryParse(statusText, ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _)))
            problems.Add(AgentRules.BadStatus(statusText));

        var hoursText = Field("maxweeklyhours");
        int? hours = null;
        if (hoursText.Length > 0)
        {
            if (int.TryParse(hoursText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 80) hours = h;
            else problems.Add(AgentRules.BadHours(hoursText));
        }
        var notes = Field("notes");
        if (notes.Length > 2000) problems.Add(AgentRules.NotesTooLong);

        return problems.Count > 0
            ? new Parsed(null, new ImportProblem(line, CommonRules.RowProblems(problems)))
            : new Parsed(new Row(line, reference, name, [.. codes.Select(c => c.ToUpperInvariant()).Distinct()],
                [.. languages.Distinct(StringComparer.OrdinalIgnoreCase)], status, hours, notes.Length == 0 ? null : notes), null);
    }

    private static List<string> Split(string value) =>
        [.. value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
