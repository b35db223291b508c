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
                throw new RuleViolation("file", "Send the CSV as text/csv, or as the 'file' field of a multipart form.", StatusCodes.Status415UnsupportedMediaType);
            return await read(request.Body);
        }
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new RuleViolation("file", "Attach the CSV as the form field 'file'.", StatusCodes.Status400BadRequest);
        await using var stream = file.OpenReadStream();
        return await read(stream);
    }
}
