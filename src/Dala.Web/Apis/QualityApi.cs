using Dala.Geo;
using Dala.Geo.Io;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>What the measurements say: counts, medians and spreads by region, operator and month, a histogram, zoom-16 tiles.</summary>
public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quality/summary", (DalaWebSettings settings) => settings.Measurements?.Counts() is { } c
                ? Results.Ok(new QualitySummaryDto(c.Measurements, c.Valid, c.Invalid, c.Tiles, c.Quarantined, c.Synthetic, c.SyntheticValid))
                : MeasurementsApi.NoStore())
            .TakesQuery().WithName("GetQualitySummary").WithTags("Quality").WithSummary("How many measurements: valid, invalid, tiles, quarantined lines, and how many of the tests are synthetic")
            .Produces<QualitySummaryDto>(StatusCodes.Status200OK);

        app.MapGet("/api/quality/aggregates", (HttpRequest request, DalaWebSettings settings, RegistryViews views,
            [FromQuery] string? by, [FromQuery] string? region, [FromQuery] string? @operator, [FromQuery] string? month, [FromQuery] string? format) =>
        {
            var q = new QueryReader(request.Query, ["by", "region", "operator", "month", "format"]);
            var keys = q.ListOf("by", ["region", "operator", "month", "all"]) ?? new HashSet<string> { "region", "operator", "month" };
            if (keys.Contains("all") && keys.Count > 1) q.Error<object>("by", "'all' (one group of every test that passes the filters) stands alone");
            var fmt = q.OneOf("format", ["json", "csv"]) ?? "json";
            var m = q.Month("month");
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
            var groupBy = (keys.Contains("region") ? GroupBy.Region : 0) | (keys.Contains("operator") ? GroupBy.Operator : 0) | (keys.Contains("month") ? GroupBy.Month : 0);
            var view = views.Current();
            var rows = store.Aggregate(new AggregateQuery(groupBy, q.Text("region"), q.Text("operator"), m))
                .Select(g => new GroupStatsDto(g.Region, g.Region is null ? null : view.RegionName(g.Region), g.Operator, g.Month, g.Tests,
                    SpreadDto.Of(g.Down), SpreadDto.Of(g.Up), SpreadDto.Of(g.Latency), g.ShareAtLeast100 is { } sh ? Math.Round(sh, 4) : null)).ToArray();
            if (fmt == "json") return Results.Ok(rows);
            return CsvResult.Of(t =>
            {
                var csv = new CsvWriter(t);
                csv.Row("region", "region_name", "operator", "month", "tests", "down_p10", "down_median", "down_p90", "up_p10", "up_median", "up_p90",
                    "latency_p10", "latency_median", "latency_p90", "share_at_least_100mbps");
                foreach (var r in rows)
                    csv.Row(r.Region, r.RegionName, r.Operator, r.Month, r.Tests, r.DownMbps?.P10, r.DownMbps?.Median, r.DownMbps?.P90,
                        r.UpMbps?.P10, r.UpMbps?.Median, r.UpMbps?.P90, r.LatencyMs?.P10, r.LatencyMs?.Median, r.LatencyMs?.P90, r.ShareAtLeast100Mbps);
            }, "quality-aggregates.csv");
        }).WithName("GetQualityAggregates").WithTags("Quality")
          .WithSummary("p10, median and p90 of down, up and latency, tests and the share >= 100 Mbit/s, by region, operator and month (valid single tests)")
          .WithDescription("by: comma list of region, operator, month (default all three), or all: one group of every valid test that passes the filters (the exact national median).")
          .Produces<GroupStatsDto[]>(StatusCodes.Status200OK).AlsoProduces("text/csv").ProducesValidationProblem();

        app.MapGet("/api/quality/histogram", (HttpRequest request, DalaWebSettings settings, [FromQuery] string? region, [FromQuery] string? @operator) =>
        {
            var q = new QueryReader(request.Query, ["region", "operator"]);
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
            return Results.Ok(store.Histogram(q.Text("region"), q.Text("operator")).Select(b => new HistogramBucketDto(b.Bucket, b.Label, b.From, b.To, b.Tests)).ToArray());
        }).WithName("GetQualityHistogram").WithTags("Quality").WithSummary("Valid tests per download-speed bucket (log scale, 1-2-5 series, Mbit/s)")
          .Produces<HistogramBucketDto[]>(StatusCodes.Status200OK).ProducesValidationProblem();

        app.MapGet("/api/quality/tiles", (HttpRequest request, DalaWebSettings settings, [FromQuery] string? bbox, [FromQuery] string? limit) =>
        {
            var q = new QueryReader(request.Query, ["bbox", "limit"]);
            var text = q.Text("bbox");
            var box = BBox.TryParse(text);
            if (box is null) q.Error<object>("bbox", text is null ? "required: west,south,east,north" : $"'{text}' is not west,south,east,north in degrees");
            var n = q.Int("limit", 1, 50_000) ?? 5000;
            if (q.HasErrors || box is null) return q.Problem();
            if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
            var tiles = store.Tiles(box.Value, n);
            return GeoJsonResult.Of(w =>
            {
                GeoJsonResult.StartCollection(w);
                foreach (var t in tiles)
                {
                    var b = Quadkey.Bounds(t.Quadkey);
                    var poly = GeoJsonGeometry.Factory.CreatePolygon([new(b.West, b.South), new(b.East, b.South), new(b.East, b.North), new(b.West, b.North), new(b.West, b.South)]);
                    GeoJsonResult.Feature(w, poly, p =>
                    {
                        p.WriteString("quadkey", t.Quadkey);
                        p.WriteNumber("tests", t.Tests);
                        if (t.Down is { } d) p.WriteNumber("medianDownMbps", Math.Round(d.Median, 2)); else p.WriteNull("medianDownMbps");
                        if (t.Up is { } u) p.WriteNumber("medianUpMbps", Math.Round(u.Median, 2)); else p.WriteNull("medianUpMbps");
                        if (t.Latency is { } l) p.WriteNumber("medianLatencyMs", Math.Round(l.Median, 2)); else p.WriteNull("medianLatencyMs");
                    }, 6);
                }
                GeoJsonResult.EndCollection(w);
            });
        }).WithName("GetQualityTiles").WithTags("Quality").WithSummary("Zoom-16 quadkey tiles (Ookla's grid) with median speeds of valid tests, in a box")
          .AlsoProduces(GeoJsonResult.ContentType).ProducesValidationProblem();
        return app;
    }
}
