using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Web.Http;
using Dala.Web.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// GET /api/tiles/{layer}/{z}/{x}/{y}.mvt: Dala's own large layers as Mapbox vector tiles, for maps that would otherwise
/// fetch them whole as JSON. Layers: measurements (single tests, binned to at most <see cref="GridCells"/>² cells a tile,
/// filtered as GET /api/measurements) and settlements (filtered as GET /api/settlements). 204 when the tile holds nothing;
/// 400 problem+json for a bad layer, z, x, y or filter.
/// </summary>
public static class VectorTilesApi
{
    public static readonly string[] Layers = ["measurements", "settlements"];

    /// <summary>Cells per tile side for measurements: one feature per cell holding tests (2 screen pixels at 256-pixel tiles).</summary>
    public const int GridCells = 128;

    /// <summary>How far beyond its edges a tile reaches (a fraction of its size), so that circles drawn near an edge are not cut.</summary>
    public const double Buffer = 1.0 / 16;

    public static IEndpointRouteBuilder MapVectorTilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tiles/{layer}/{z}/{x}/{y}.mvt", Tile).WithName("GetVectorTile").WithTags("Registry")
            .WithSummary("A Mapbox vector tile of one of Dala's large layers: measurements (filters as GET /api/measurements) or settlements (filters as GET /api/settlements)")
            .WithDescription("measurements: one point per occupied cell of a 128 x 128 grid over the tile (a little beyond it), with tests, valid, " +
                             "synthetic (how many of them are SYNTHETIC), downMbps (mean of the valid ones) and id (when the cell holds one test). " +
                             "settlements: one point per settlement with id, name, kind, population, technology, maxDownMbps and synthetic. " +
                             "204 when nothing is there.")
            .Produces(StatusCodes.Status200OK, contentType: MvtWriter.ContentType)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Tile(HttpRequest request, string layer, string z, string x, string y, DalaWebSettings settings, RegistryViews views)
    {
        var known = layer == "settlements" ? SettlementFilters : MeasurementFilters;
        var q = new QueryReader(request.Query, known);
        if (!Layers.Contains(layer)) q.Error<object>("layer", $"'{layer}' is not one of {string.Join(", ", Layers)}");
        var address = TileAddress.Read(q, z, x, y);
        return layer == "settlements" ? Settlements(q, address, views, settings) : Measurements(q, address, settings);
    }

    private static readonly string[] MeasurementFilters = ["region", "operator", "source", "valid"];
    private static readonly string[] SettlementFilters = ["region", "kind", "technology", "minPopulation", "maxPopulation", "q"];

    private static IResult Measurements(QueryReader q, TileAddress? address, DalaWebSettings settings)
    {
        var filter = MeasurementsApi.ReadFilter(q);
        if (q.HasErrors || address is not { } t) return q.Problem();
        if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
        var cells = store.PointCells(t.Buffered(Buffer), (int)Math.Round(GridCells * (1 + 2 * Buffer)), (int)Math.Round(GridCells * (1 + 2 * Buffer)), filter);
        return Answer(t, "measurements", cells.Select(c => new TilePoint(new LonLat(c.Lon, c.Lat),
        [
            new("tests", c.Tests), new("valid", c.Valid), new("synthetic", c.Synthetic),
            new("downMbps", c.MeanDownMbps is { } d ? Math.Round(d, 1) : null), new("id", c.Id),
        ])));
    }

    private static IResult Settlements(QueryReader q, TileAddress? address, RegistryViews views, DalaWebSettings settings)
    {
        var view = views.Current();
        var query = SettlementsApi.ReadFilter(q, view, settings.Store);
        if (q.HasErrors || address is not { } t) return q.Problem();
        var box = t.Buffered(Buffer);
        var points = view.Filter(query).Where(s => box.Contains(s.Location)).Select(s =>
        {
            var status = view.StatusOf(s.Id);
            return new TilePoint(s.Location,
            [
                new("id", s.Id), new("name", s.Name.Local), new("kind", s.Kind.WireName()), new("population", s.Population.Count),
                new("technology", status.Technology?.WireName() ?? "unknown"), new("maxDownMbps", status.MaxDownMbps), new("synthetic", status.Synthetic),
            ]);
        });
        return Answer(t, "settlements", points);
    }

    private static IResult Answer(TileAddress t, string layer, IEnumerable<TilePoint> points)
    {
        var list = points.ToList();
        if (list.Count == 0) return Results.NoContent();
        return Results.Bytes(MvtWriter.Points(t, layer, list), MvtWriter.ContentType);
    }
}
