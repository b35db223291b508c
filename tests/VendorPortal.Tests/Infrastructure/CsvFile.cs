using CsvHelper;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>A downloaded CSV file read back as a spreadsheet would: its bytes, and its records by column name.</summary>
public sealed record CsvFile(byte[] Bytes, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public bool StartsWithBom => Bytes.AsSpan().StartsWith(Utf8Bom);

    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.AsSpan(StartsWithBom ? 3 : 0));

    public static async Task<CsvFile> ReadAsync(HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        await using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { HasHeader = true }, leaveOpen: false);
        await reader.ReadHeaderAsync();
        var headers = reader.Headers.ToList();
        while (await reader.ReadAsync())
            rows.Add(headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < reader.FieldCount ? reader.GetString(x.i) ?? "" : ""));
        return new CsvFile(bytes, rows);
    }
}
