using System.Text.Json;
using Dala.Geo.Io;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.Geometries;

namespace Dala.Web;

/// <summary>Streams GeoJSON written with a Utf8JsonWriter as application/geo+json.</summary>
public static class GeoJsonResult
{
    public const string ContentType = "application/geo+json";

    public static IResult Of(Action<Utf8JsonWriter> write, string? downloadName = null) => new Streamed(write, downloadName);

    public static void StartCollection(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
    }

    public static void EndCollection(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Feature(Utf8JsonWriter w, Geometry g, Action<Utf8JsonWriter> properties, int decimals = 5)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WritePropertyName("geometry");
        GeoJsonGeometry.Write(w, g, decimals);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        properties(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private sealed class Streamed(Action<Utf8JsonWriter> write, string? downloadName) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = ContentType;
            if (downloadName is not null) http.Response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer)) write(w);
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
