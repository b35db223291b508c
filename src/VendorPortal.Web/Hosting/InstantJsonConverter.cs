using System.Text.Json;
using System.Text.Json.Serialization;

namespace VendorPortal.Web.Hosting;

/// <summary>
/// Reads an instant only with its offset: "2026-12-12T10:00:00" alone would be read in the server's own time zone, so the
/// same request would mean another time on another machine. Writes instants as the serializer always has.
/// </summary>
public sealed class InstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) && HasOffset(reader.GetString()!))
            return value;
        throw new JsonException("Give an ISO 8601 instant with its offset, e.g. 2026-12-12T10:00:00+08:00 or 2026-12-12T02:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] is ':');
}
