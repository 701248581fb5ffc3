using System.Text.Json;

namespace Dala.Geo.Raster;

/// <summary>The files written for one web-map overlay.</summary>
public sealed record OverlayFiles(string PngPath, string WorldFilePath, string DescriptorPath);

/// <summary>
/// Writes a grid as a web-map overlay: the coloured PNG, its world file, and "NAME.overlay.json" with the bounds
/// (west, south, east, north of the cell edges), the size, the legend and free-text metadata (e.g. SYNTHETIC).
/// </summary>
public static class RasterOverlay
{
    public static OverlayFiles Write(RasterGrid grid, ColourRamp ramp, RasterLegend legend, string pngPath,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(legend);
        using (var png = File.Create(pngPath)) RasterPng.Write(grid, ramp, png);
        var world = WorldFile.PathFor(pngPath);
        File.WriteAllText(world, WorldFile.Format(grid.Spec));
        var descriptor = DescriptorPathFor(pngPath);
        File.WriteAllBytes(descriptor, Descriptor(grid.Spec, legend, Path.GetFileName(pngPath), metadata));
        return new OverlayFiles(pngPath, world, descriptor);
    }

    public static string DescriptorPathFor(string pngPath) => Path.ChangeExtension(pngPath, ".overlay.json");

    /// <summary>The descriptor JSON (UTF-8) a web map reads to place and explain the image.</summary>
    public static byte[] Descriptor(GridSpec spec, RasterLegend legend, string image, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Dala.Geo.Io.JsonOutput.Indented))
        {
            w.WriteStartObject();
            w.WriteString("image", image);
            w.WriteString("crs", "EPSG:4326");
            w.WriteNumber("width", spec.Width);
            w.WriteNumber("height", spec.Height);
            w.WriteStartObject("bounds");
            w.WriteNumber("west", spec.West); w.WriteNumber("south", spec.South);
            w.WriteNumber("east", spec.East); w.WriteNumber("north", spec.North);
            w.WriteEndObject();
            w.WriteStartObject("legend");
            w.WriteString("title", legend.Title);
            if (legend.Unit is null) w.WriteNull("unit"); else w.WriteString("unit", legend.Unit);
            w.WriteStartArray("stops");
            foreach (var s in legend.Stops)
            {
                w.WriteStartObject(); w.WriteNumber("value", s.Value); w.WriteString("colour", s.Colour); w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("noData", legend.NoDataLabel);
            w.WriteEndObject();
            w.WriteStartObject("metadata");
            foreach (var (k, v) in (metadata ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
