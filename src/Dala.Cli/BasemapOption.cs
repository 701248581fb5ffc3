using System.CommandLine;
using Dala.Geo.Io;
using Dala.Web.Basemap;

namespace Dala.Cli;

/// <summary>--basemap FILE.pmtiles | XYZ-URL | STYLE-URL: the base every map of the web app draws (offline default without it).</summary>
public static class BasemapOption
{
    public static Option<string?> Create() => new("--basemap")
    {
        Description = "Base beneath every map: a PMTiles file (served with range requests), an XYZ URL template " +
                      "(https://host/{z}/{x}/{y}.png) or a style URL. Default: the offline base (outline, regions, place labels)",
        HelpName = "FILE|URL",
    };

    public static BasemapSource Read(ParseResult r, Option<string?> option, CliContext ctx)
    {
        if (r.GetValue(option) is not { } value) return BasemapSource.Offline;
        try
        {
            return BasemapSource.Parse(value, ctx.FullPath);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, ExitCodes.Rejected);
        }
    }

    /// <summary>One line saying which base is served (null for the offline default).</summary>
    public static string? Describe(BasemapSource b) => b.Kind switch
    {
        BasemapKind.PmTiles when b.Header is { } h =>
            $"{b.Path} ({h.TileType.ToString().ToUpperInvariant()} tiles, zoom {h.MinZoom}-{h.MaxZoom}{(h.IsRaster ? "" : h.TileType == PmTilesTileType.Mvt ? "; vector tiles, drawn in a default style" : "; not drawn, the offline base is")})",
        BasemapKind.Xyz => $"XYZ tiles from {b.Url}",
        BasemapKind.Style => $"style {b.Url} (its raster sources)",
        _ => null,
    };
}
