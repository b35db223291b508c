using CsvHelper;

namespace VendorPortal.Web.Features.Billing;

public sealed class ContactVolumeInput
{
    /// <summary>Required for tenant staff; a vendor manager's own vendor is used otherwise.</summary>
    public Guid? VendorId { get; set; }
    public string Skill { get; set; } = "";
    /// <summary>The tenant's local date.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Start of the interval in local time ("09:30"); empty for a whole-day row.</summary>
    public string? Interval { get; set; }
    public int Handled { get; set; }
    public int? Offered { get; set; }
    public int? Answered { get; set; }
    public int? AverageHandleSeconds { get; set; }
    public int? Complaints { get; set; }
}

public sealed class ContactVolumeInputValidator : Validator<ContactVolumeInput>
{
    public ContactVolumeInputValidator()
    {
        RuleFor(x => x.Skill).NotEmpty().MaximumLength(40);
        RuleFor(x => x.Date).NotEmpty();
        RuleFor(x => x.Interval).Must(i => ContactVolumeOperations.ParseInterval(i) is not null)
            .WithMessage("Give the interval start as HH:mm, e.g. 09:30.");
        RuleFor(x => x.Handled).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.Offered).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.Answered).InclusiveBetween(0, 1_000_000)
            .LessThanOrEqualTo(x => x.Offered).When(x => x.Offered is not null).WithMessage("Answered cannot exceed offered.");
        RuleFor(x => x.AverageHandleSeconds).InclusiveBetween(0, 86_400);
        RuleFor(x => x.Complaints).InclusiveBetween(0, 1_000_000);
    }
}

public sealed record VolumeUpsertResult(bool DryRun, bool Stored, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<RowProblem> Errors);

public sealed record ContactVolumeResponse(
    Guid Id, Guid VendorId, string Skill, DateOnly Date, string? Interval, int Handled, int? Offered, int? Answered,
    int? AverageHandleSeconds, int? Complaints, DateTimeOffset UpdatedAt);

/// <summary>
/// Contact volumes: an idempotent, all-or-nothing upsert keyed on vendor, skill, date and interval, from JSON or CSV.
/// A second submission of a key corrects it (the audit trail keeps the old figures); a submission equal to what is
/// stored changes nothing. A day of one skill is either one whole-day row or interval rows, never both.
/// </summary>
public sealed class ContactVolumeOperations(AppDbContext db, AccessScopeAccessor scope, TimeProvider clock)
{
    public const int MaxBatch = 10_000;
    public const int MaxCsvRows = 100_000;
    public const long MaxCsvBytes = 20 * 1024 * 1024;

    private readonly record struct VolumeKey(Guid VendorId, Guid SkillId, DateOnly Date, int Interval);

    public async Task<VolumeUpsertResult> UpsertAsync(IReadOnlyList<(string Where, ContactVolumeInput Row)> rows, bool dryRun, CancellationToken ct)
    {
        var errors = new List<RowProblem>();
        var s = scope.Required;
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.Id, StringComparer.OrdinalIgnoreCase, ct);
        var vendors = (await db.Vendors.AsNoTracking().Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        var zone = await db.TenantZoneAsync(ct);
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(clock.GetUtcNow(), zone).DateTime);

        var valid = new List<(VolumeKey Key, ContactVolumeInput Row)>();
        var seen = new Dictionary<VolumeKey, string>();
        foreach (var (where, row) in rows)
        {
            var problems = new List<RuleError>();
            var vendorId = s.VendorId ?? row.VendorId;
            if (s.VendorId is { } own && row.VendorId is { } other && other != own) problems.Add(BillingRules.VolumeNoSuchVendor);
            else if (vendorId is null) problems.Add(BillingRules.VolumeNameTheVendor);
            else if (!vendors.Contains(vendorId.Value)) problems.Add(BillingRules.VolumeNoSuchVendor);
            if (!skills.TryGetValue(row.Skill.Trim(), out var skillId)) problems.Add(BillingRules.VolumeUnknownSkill(row.Skill));
            if (row.Date > today) problems.Add(BillingRules.VolumeFutureDate(row.Date));
            if (row.Date == default) problems.Add(BillingRules.VolumeMissingDate);
            var interval = ParseInterval(row.Interval);
            if (interval is null) problems.Add(BillingRules.VolumeBadInterval(row.Interval ?? ""));
            if (problems.Count == 0)
            {
                var key = new VolumeKey(vendorId!.Value, skillId, row.Date, interval!.Value);
                if (seen.TryGetValue(key, out var first)) problems.Add(BillingRules.VolumeDuplicate(first));
                else
                {
                    seen[key] = where;
                    valid.Add((key, row));
                }
            }
            if (problems.Count > 0) errors.Add(new RowProblem(where, CommonRules.RowProblems(problems)));
        }
        if (valid.Count == 0 && errors.Count == 0) return new VolumeUpsertResult(dryRun, false, 0, 0, 0, 0, errors);

        var vendorIds = valid.Select(v => v.Key.VendorId).Distinct().ToList();
        var from = valid.Count > 0 ? valid.Min(v => v.Key.Date) : default;
        var to = valid.Count > 0 ? valid.Max(v => v.Key.Date) : default;
        var existing = valid.Count == 0 ? [] : await db.ContactVolumes
            .Where(v => vendorIds.Contains(v.VendorId) && v.Date >= from && v.Date <= to)
            .ToListAsync(ct);
        var stored = existing.ToDictionary(v => new VolumeKey(v.VendorId, v.SkillId, v.Date, v.IntervalMinute));

        // A whole-day row next to interval rows of the same day would count the day twice.
        var days = existing.Select(v => (v.VendorId, v.SkillId, v.Date, Whole: v.IntervalMinute == ContactVolume.WholeDay))
            .Concat(valid.Select(v => (v.Key.VendorId, v.Key.SkillId, v.Key.Date, Whole: v.Key.Interval == ContactVolume.WholeDay)))
            .GroupBy(d => (d.VendorId, d.SkillId, d.Date))
            .Where(g => g.Any(d => d.Whole) && g.Any(d => !d.Whole))
            .Select(g => g.Key)
            .ToHashSet();
        foreach (var (key, row) in valid.Where(v => days.Contains((v.Key.VendorId, v.Key.SkillId, v.Key.Date))))
            errors.Add(new RowProblem(seen[key], BillingRules.VolumeWholeDayAndIntervals(row.Skill.ToUpperInvariant(), row.Date)));

        int created = 0, updated = 0, unchanged = 0;
        foreach (var (key, row) in valid)
        {
            if (!stored.TryGetValue(key, out var volume))
            {
                created++;
                if (errors.Count > 0 || dryRun) continue;
                volume = new ContactVolume
                {
                    TenantId = s.TenantId, VendorId = key.VendorId, SkillId = key.SkillId, Date = key.Date, IntervalMinute = key.Interval,
                };
                db.ContactVolumes.Add(volume);
            }
            else if (volume.Handled == row.Handled && volume.Offered == row.Offered && volume.Answered == row.Answered
                && volume.AverageHandleSeconds == row.AverageHandleSeconds && volume.Complaints == row.Complaints)
            {
                unchanged++;
                continue;
            }
            else
            {
                updated++;
                if (errors.Count > 0 || dryRun) continue;
            }
            volume.Handled = row.Handled;
            volume.Offered = row.Offered;
            volume.Answered = row.Answered;
            volume.AverageHandleSeconds = row.AverageHandleSeconds;
            volume.Complaints = row.Complaints;
        }
        var count = rows.Count;
        if (errors.Count > 0 || dryRun)
            return new VolumeUpsertResult(dryRun, false, count, created, updated, unchanged, errors);
        await db.SaveChangesAsync(ct);
        return new VolumeUpsertResult(false, true, count, created, updated, unchanged, []);
    }

    /// <summary>
    /// The CSV form of the upsert. Columns (header names, any order, case-insensitive): skill, date (yyyy-MM-dd),
    /// interval (HH:mm, optional), handled, offered, answered, averageHandleSeconds (or aht), complaints.
    /// </summary>
    public async Task<VolumeUpsertResult> ImportAsync(Stream csv, Guid? vendorId, bool dryRun, CancellationToken ct)
    {
        var errors = new List<RowProblem>();
        var rows = new List<(string, ContactVolumeInput)>();
        var validator = new ContactVolumeInputValidator();
        await using var reader = CsvUpload.Open(csv);
        try
        {
            await reader.ReadHeaderAsync(ct);
            if (reader.Headers.Count == 0)
                return Failed(dryRun, 0, [new RowProblem("line 1", CommonRules.CsvEmpty)]);
            int Column(params string[] names)
            {
                foreach (var name in names)
                    if (reader.TryGetFieldIndex(name, out var index)) return index;
                return -1;
            }
            var skill = Column("skill");
            var date = Column("date");
            var interval = Column("interval", "intervalstart");
            var handled = Column("handled", "contactshandled");
            var offered = Column("offered");
            var answered = Column("answered");
            var aht = Column("averagehandleseconds", "aht", "ahtseconds");
            var complaints = Column("complaints");
            foreach (var (column, name) in new[] { (skill, "skill"), (date, "date"), (handled, "handled") })
                if (column < 0) errors.Add(new RowProblem("line 1", CommonRules.CsvNoColumn(name)));
            if (errors.Count > 0) return Failed(dryRun, 0, errors);

            while (await reader.ReadAsync(ct))
            {
                var line = reader.LineNumber;
                var where = string.Create(CultureInfo.InvariantCulture, $"line {line}");
                if (rows.Count + errors.Count >= MaxCsvRows)
                {
                    errors.Add(new RowProblem(where, CommonRules.CsvTooManyRows(MaxCsvRows)));
                    break;
                }
                string Field(int column) => column < 0 ? "" : reader.GetString(column);
                var problems = new List<RuleError>();
                int? Number(int column, string name)
                {
                    var text = Field(column);
                    if (text.Length == 0) return null;
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
                    problems.Add(BillingRules.VolumeBadNumber(name, text));
                    return null;
                }
                var input = new ContactVolumeInput
                {
                    VendorId = vendorId,
                    Skill = Field(skill),
                    Interval = Field(interval) is { Length: > 0 } i ? i : null,
                    Offered = Number(offered, "offered"),
                    Answered = Number(answered, "answered"),
                    AverageHandleSeconds = Number(aht, "averageHandleSeconds"),
                    Complaints = Number(complaints, "complaints"),
                };
                var handledValue = Number(handled, "handled");
                if (handledValue is null && Field(handled).Length == 0) problems.Add(BillingRules.VolumeMissingHandled);
                input.Handled = handledValue ?? 0;
                var dateText = Field(date);
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) input.Date = day;
                else problems.Add(CommonRules.BadDate(dateText));
                if (problems.Count == 0)
                    problems.AddRange((await validator.ValidateAsync(input, ct)).Errors.Select(e => BillingRules.VolumeInvalid(e.PropertyName, e.ErrorMessage)));
                if (problems.Count > 0) errors.Add(new RowProblem(where, CommonRules.RowProblems(problems)));
                else rows.Add((where, input));
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new RowProblem(string.Create(CultureInfo.InvariantCulture, $"line {Math.Max(1, reader.LineNumber)}"), CommonRules.CsvMalformed));
        }
        var result = await UpsertAsync(rows, dryRun || errors.Count > 0, ct);
        if (errors.Count == 0) return result;
        return result with { DryRun = dryRun, Stored = false, Rows = rows.Count + errors.Count, Errors = [.. errors, .. result.Errors] };
    }

    public static async Task<List<ContactVolumeResponse>> ResponsesAsync(AppDbContext db, IQueryable<ContactVolume> volumes, CancellationToken ct)
    {
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var rows = await volumes.AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(v => new ContactVolumeResponse(v.Id, v.VendorId, codes.GetValueOrDefault(v.SkillId, "?"), v.Date,
            FormatInterval(v.IntervalMinute), v.Handled, v.Offered, v.Answered, v.AverageHandleSeconds, v.Complaints, v.UpdatedAt))];
    }

    /// <summary>Minutes after midnight, <see cref="ContactVolume.WholeDay"/> for no interval, null when unreadable.</summary>
    public static int? ParseInterval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ContactVolume.WholeDay;
        return TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.Hour * 60 + t.Minute
            : null;
    }

    public static string? FormatInterval(int minute) =>
        minute == ContactVolume.WholeDay ? null : string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    private static VolumeUpsertResult Failed(bool dryRun, int rows, List<RowProblem> errors) => new(dryRun, false, rows, 0, 0, 0, errors);
}
