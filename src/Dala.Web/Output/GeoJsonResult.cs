using System.Text.Json;
using Dala.Geo.Io;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.Geometries;

namespace Dala.Web;

/// <summary>Streams GeoJSON written with a Utf8JsonWriter as application/geo+json.</summary>
public static class GeoJsonResult
{
    public const string ContentType = "application/geo+json";

    public static IResult Of(Action<Utf8JsonWriter> write, string? downloadName = null) => new Bytes(Render(write), downloadName);

    /// <summary>The GeoJSON written and compressed once per registry view and key, and served from memory after that
    /// (<see cref="CachedBody"/>: the same arrays for every client, in the coding it accepts).</summary>
    public static IResult Cached(ViewCache cache, Dala.Registry.Query.RegistryView view, string key, Action<Utf8JsonWriter> write,
        string? downloadName = null) => cache.GetOrAdd(view, "geojson:" + key, () => CachedBody.Of(ContentType, Render(write))).Result(downloadName);

    private static byte[] Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Writer)) write(w);
        return buffer.ToArray();
    }

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

    private sealed class Bytes(byte[] body, string? downloadName) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = ContentType;
            http.Response.ContentLength = body.Length;
            if (downloadName is not null) http.Response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
