using Dala.Geo.Io;
using Dala.Web.Basemap;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// GET /api/basemap: which base the maps draw (dala serve --basemap). GET /basemap/tiles.pmtiles: the configured
/// PMTiles archive, by HTTP range requests (206 with Content-Range; 416 as problem+json for a range that cannot be served).
/// </summary>
public static class BasemapApi
{
    public const string PmTilesContentType = "application/vnd.pmtiles";

    public static IEndpointRouteBuilder MapBasemapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/basemap", (DalaWebSettings settings) => TypedResults.Ok(Describe(settings.Basemap)))
            .TakesQuery().WithName("GetBasemap").WithTags("Registry")
            .WithSummary("The base drawn beneath every map: offline (outline, regions, place labels), a PMTiles archive (raster, or MVT drawn in a default style), an XYZ template or a style URL");
        app.MapGet(BasemapSource.PmTilesRoute, Tiles).TakesQuery().WithName("GetBasemapTiles").WithTags("Registry")
            .WithSummary("The PMTiles archive given to dala serve --basemap, read with Range requests (206, Content-Range)")
            .Produces(StatusCodes.Status200OK, contentType: PmTilesContentType)
            .Produces(StatusCodes.Status206PartialContent, contentType: PmTilesContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable);
        return app;
    }

    public static BasemapDto Describe(BasemapSource b) => b.Kind switch
    {
        BasemapKind.PmTiles when b.Header is { } h => new BasemapDto("pmtiles", b.Url, h.TileType.ToString().ToLowerInvariant(), h.MinZoom, h.MaxZoom,
            [h.West, h.South, h.East, h.North], h.IsRaster,
            h.IsRaster || h.TileType == PmTilesTileType.Mvt ? null
                : $"The archive holds {h.TileType.ToString().ToUpperInvariant()} tiles, which this app does not draw: the offline base is drawn instead."),
        BasemapKind.Xyz => new BasemapDto("xyz", b.Url, null, null, null, null, true, null),
        BasemapKind.Style => new BasemapDto("style", b.Url, null, null, null, null, true,
            "A style's raster sources are drawn; its vector sources are not (the offline base is drawn beneath)."),
        _ => new BasemapDto("offline", null, null, null, null, null, false, null),
    };

    private static async Task<IResult> Tiles(HttpContext http, DalaWebSettings settings, CancellationToken cancel)
    {
        if (settings.Basemap is not { Kind: BasemapKind.PmTiles, Path: { } path })
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No PMTiles basemap",
                detail: "This server was started without --basemap FILE.pmtiles; the maps draw the offline base.");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "PMTiles basemap unreadable",
                detail: $"The basemap archive given at start can no longer be read: {e.GetType().Name}.");
        }
        await using var _ = file;
        var total = file.Length;
        var headers = http.Response.Headers;
        headers.AcceptRanges = "bytes";
        headers.ETag = $"\"{total:x}-{File.GetLastWriteTimeUtc(path).Ticks:x}\"";
        headers.CacheControl = "public, max-age=300";
        var rangeHeader = http.Request.Headers.Range.ToString();
        if (rangeHeader.Length == 0)
        {
            http.Response.ContentType = PmTilesContentType;
            http.Response.ContentLength = total;
            await file.CopyToAsync(http.Response.Body, cancel);
            return Results.Empty;
        }
        var (range, error) = ByteRange.Parse(rangeHeader, total);
        if (range is not { } r)
        {
            headers.ContentRange = $"bytes */{total}";
            return Results.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Range not satisfiable", detail: error);
        }
        http.Response.StatusCode = StatusCodes.Status206PartialContent;
        http.Response.ContentType = PmTilesContentType;
        http.Response.ContentLength = r.Length;
        headers.ContentRange = r.ContentRange(total);
        file.Seek(r.Start, SeekOrigin.Begin);
        var buffer = new byte[(int)Math.Min(64 * 1024, r.Length)];
        for (var left = r.Length; left > 0;)
        {
            var n = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancel);
            if (n == 0) break;
            await http.Response.Body.WriteAsync(buffer.AsMemory(0, n), cancel);
            left -= n;
        }
        return Results.Empty;
    }
}
