using System.Text.Json;

namespace Dala.Geo.Io;

/// <summary>
/// Reads the features of a GeoJSON FeatureCollection, remembering the line each starts on.
/// Broken or truncated JSON raises <see cref="GeoJsonFormatException"/> naming the line.
/// </summary>
public static class GeoJsonReader
{
    public static IReadOnlyList<GeoJsonFeature> ReadFeatures(ReadOnlySpan<byte> utf8, IProgress<long>? progress = null)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var features = new List<GeoJsonFeature>();
        var lines = new LineCounter();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new GeoJsonFormatException(1, "expected a JSON object (a GeoJSON FeatureCollection)");
            string? type = null;
            var sawFeatures = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "type" && reader.TokenType == JsonTokenType.String) type = reader.GetString();
                else if (name == "features")
                {
                    sawFeatures = true;
                    ReadArray(ref reader, utf8, lines, features, progress);
                }
                else reader.Skip();
            }
            if (type is not null && type != "FeatureCollection")
                throw new GeoJsonFormatException(1, $"GeoJSON type is '{type}', expected 'FeatureCollection'");
            if (!sawFeatures) throw new GeoJsonFormatException(1, "no 'features' array: not a GeoJSON FeatureCollection");
            if (reader.Read())
                throw new GeoJsonFormatException(lines.LineAt(utf8, (int)reader.TokenStartIndex), "text after the end of the FeatureCollection");
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var lastLine = utf8.TrimEnd("\r\n \t"u8).Count((byte)'\n') + 1;
            var truncated = line >= lastLine || e.Message.Contains("depth to be zero", StringComparison.Ordinal)
                || e.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase);
            var what = truncated ? "the JSON ends early (truncated file?)" : "broken JSON";
            throw new GeoJsonFormatException(line, $"{what}: {Shorten(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            throw new GeoJsonFormatException(lines.LineAt(utf8, (int)reader.TokenStartIndex),
                "a member name of the FeatureCollection is not valid text (a lone UTF-16 surrogate escape or bytes that are not UTF-8)");
        }
        return features;
    }

    private static void ReadArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LineCounter lines,
        List<GeoJsonFeature> features, IProgress<long>? progress)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new GeoJsonFormatException(lines.LineAt(utf8, (int)reader.TokenStartIndex), "'features' is not an array");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineAt(utf8, (int)reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new GeoJsonFormatException(line, "a member of 'features' is not an object");
            var element = JsonElement.ParseValue(ref reader);
            features.Add(new GeoJsonFeature(line, element));
            if (features.Count % 512 == 0) progress?.Report(reader.BytesConsumed);
        }
        progress?.Report(reader.BytesConsumed);
    }

    private static string Shorten(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return i > 0 ? message[..i].TrimEnd('.', ' ') : message;
    }

    /// <summary>Counts newlines incrementally; positions must be asked in increasing order.</summary>
    private sealed class LineCounter
    {
        private int _pos;
        private int _line = 1;

        public int LineAt(ReadOnlySpan<byte> utf8, int position)
        {
            if (position < _pos) return _line;
            _line += utf8[_pos..position].Count((byte)'\n');
            _pos = position;
            return _line;
        }
    }
}
