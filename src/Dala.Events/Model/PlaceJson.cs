using System.Globalization;
using System.Text.Json;
using Dala.Geo;

namespace Dala.Events.Model;

/// <summary>
/// A place as the stores keep it: {"type":"circle","lon":..,"lat":..,"radius_km":..} or {"type":"polygon","coordinates":[[lon,lat],..]}.
/// </summary>
public static class PlaceJson
{
    public static string Write(EventPlace place)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            if (place.Polygon is { } ring)
            {
                w.WriteString("type", "polygon");
                w.WriteStartArray("coordinates");
                foreach (var p in ring)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(p.Lon);
                    w.WriteNumberValue(p.Lat);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            else
            {
                w.WriteString("type", "circle");
                w.WriteNumber("lon", place.Centre.Lon);
                w.WriteNumber("lat", place.Centre.Lat);
                w.WriteNumber("radius_km", place.RadiusKm!.Value);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote; a FormatException names what is wrong.</summary>
    public static EventPlace Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return root.GetProperty("type").GetString() switch
            {
                "circle" => EventPlace.Circle(new LonLat(root.GetProperty("lon").GetDouble(), root.GetProperty("lat").GetDouble()), root.GetProperty("radius_km").GetDouble()),
                "polygon" => EventPlace.Area(root.GetProperty("coordinates").EnumerateArray()
                    .Select(c => new LonLat(c[0].GetDouble(), c[1].GetDouble())).ToArray()),
                var t => throw new FormatException($"place type '{t}' is not circle or polygon"),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException($"not a stored place: {e.Message}", e);
        }
    }

    /// <summary>"lon lat, lon lat, ..." (what the CLI takes) as a ring; a FormatException names the bad pair.</summary>
    public static IReadOnlyList<LonLat> ParseRing(string text)
    {
        var ring = new List<LonLat>();
        foreach (var (pair, i) in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select((p, i) => (p, i)))
        {
            var parts = pair.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
                !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
                throw new FormatException($"vertex {i + 1} '{pair}' is not 'lon lat'");
            ring.Add(new LonLat(lon, lat));
        }
        return ring;
    }
}
