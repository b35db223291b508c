using System.Net.Http.Headers;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Shared;

/// <summary>
/// The one way the product writes a CSV file (statements, agents, audit, any later export): RFC 4180, UTF-8 with a byte
/// order mark so Excel reads Chinese names, invariant numbers. A text cell that starts with =, +, -, @, tab or carriage
/// return gets a leading ' so a spreadsheet shows it instead of running it as a formula (OWASP, CSV injection); numbers,
/// dates and booleans are written as values, never as text, so -5 stays a number a spreadsheet can add up.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The most rows one export holds: a larger one is refused (422) and the caller narrows the filter.</summary>
    public const int MaxRows = 100_000;

    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        ValidateFieldCount = false,
    };

    public static CsvWriter Open(Stream destination) => CsvWriter.Create(destination, Options, leaveOpen: true);

    /// <summary>A small file held in memory, e.g. a statement, whose bytes are also hashed.</summary>
    public static byte[] ToBytes(Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var csv = Open(buffer))
            write(csv);
        return buffer.ToArray();
    }

    /// <summary>Refuses an export of more than <see cref="MaxRows"/> rows before anything is sent.</summary>
    public static void EnsureWithinCap(int rows)
    {
        if (rows > MaxRows)
            throw new RuleViolation("rows", CommonRules.ExportTooLarge(rows, MaxRows));
    }

    /// <summary>Streams a file to the response as it is written: headers first, then records as <paramref name="write"/> produces them.</summary>
    public static async Task SendAsync(HttpResponse response, string fileName, Func<CsvWriter, Task> write, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        await using var csv = Open(response.Body);
        await write(csv);
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// A page's export handler: streams the CSV, or, when the export is refused (too many rows), shows the list again
    /// with <paramref name="showRefusal"/> having noted why.
    /// </summary>
    public static async Task<IActionResult> CsvOrListAsync(this PageModel page, Func<Task> send, Func<Task> showRefusal)
    {
        try
        {
            await send();
            return new EmptyResult();
        }
        catch (RuleViolation)
        {
            await showRefusal();
            return page.Page();
        }
    }

    /// <summary>Ends a record without blocking: the writer flushes to the response when its buffer fills.</summary>
    public static ValueTask EndAsync(this CsvWriter csv, CancellationToken ct) => csv.EndRecordAsync(ct);
}
