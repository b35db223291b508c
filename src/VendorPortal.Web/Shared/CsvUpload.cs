namespace VendorPortal.Web.Shared;

/// <summary>Marks an endpoint that takes a CSV file, raw (text/csv) or as a form's 'file' field; the API document describes both.</summary>
public sealed class CsvUpload
{
    public static bool IsCsvOrForm(HttpRequest request) =>
        request.HasFormContentType
        || request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is "text/csv" or "application/csv" or "text/plain";
}
