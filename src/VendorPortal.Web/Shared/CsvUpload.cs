using CsvHelper;

namespace VendorPortal.Web.Shared;

/// <summary>
/// The one way the product takes a CSV file: raw (text/csv) or as a form's 'file' field, read as a stream with
/// the same parser settings everywhere. Marks the endpoints that take one, so the API document describes both forms.
/// </summary>
public sealed class CsvUpload
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        HasHeader = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        NormalizeHeaderName = h => h.Trim().Replace("_", "").Replace(" ", "").ToLowerInvariant(),
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>A reader over UTF-8 (with or without BOM) CSV: header names match in any order and case, ignoring '_' and spaces.</summary>
    public static CsvReader Open(Stream csv) => CsvReader.Create(csv, Options, leaveOpen: true);

    /// <summary>Hands the uploaded file's stream to <paramref name="read"/>; the wrong media type answers 415.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, Func<Stream, Task<T>> read, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            if (request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not ("text/csv" or "application/csv" or "text/plain"))
                throw new RuleViolation("file", CommonRules.CsvMediaType, StatusCodes.Status415UnsupportedMediaType);
            return await read(await TextOnlyAsync(request.Body, ct));
        }
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new RuleViolation("file", CommonRules.CsvNoFile, StatusCodes.Status400BadRequest);
        await using var stream = file.OpenReadStream();
        return await read(await TextOnlyAsync(stream, ct));
    }

    /// <summary>
    /// The upload as a seekable copy, once it is known to be UTF-8 text: a binary file (an image, random bytes) or text
    /// holding control characters is refused with the line it breaks on, before a single row is read.
    /// The copy is bounded by the endpoint's body limit.
    /// </summary>
    private static async Task<Stream> TextOnlyAsync(Stream upload, CancellationToken ct)
    {
        var copy = new MemoryStream();
        await upload.CopyToAsync(copy, ct);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        var line = 1;
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                throw NotText(line, CommonRules.CsvNotUtf8(line));
            if (rune.Value == '\n') line++;
            else if (rune.Value is not ('\r' or '\t' or 0xFEFF) && (System.Text.Rune.IsControl(rune) || rune.Value is 0xFFFE or 0xFFFF))
                throw NotText(line, CommonRules.CsvControlCharacter(line));
            at += consumed;
        }
        // The parser would guess a tab or a pipe too; the product documents commas or semicolons.
        var header = bytes[..(bytes.IndexOf((byte)'\n') is var end and >= 0 ? end : bytes.Length)];
        if (!header.Contains((byte)',') && !header.Contains((byte)';') && (header.Contains((byte)'\t') || header.Contains((byte)'|')))
            throw NotText(1, CommonRules.CsvSeparatedByTabs);
        copy.Position = 0;
        return copy;
    }

    private static RuleViolation NotText(int line, RuleError why) => RuleViolation.ForRows([($"line {line}", why)]);
}
