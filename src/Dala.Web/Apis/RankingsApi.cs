using Dala.Quality.Rankings;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>Rankings (Global-Index style, minimum sample rule), monthly trend lines, and the open-data tiles.</summary>
public static class RankingsApi
{
    private const string SyntheticNote = "SYNTHETIC tests are counted: the figures are not purely observed data.";

    private static readonly string[] Common = ["by", "month", "from", "to", "minTests", "minNetworks", "includeSynthetic"];

    private sealed record Params(RankUnit Unit, MonthSelection Months, SampleRule Rule, bool Synthetic);

    private static Params Read(QueryReader q, bool oneMonth)
    {
        var unit = RankingQueries.ParseUnit(q.Text("by"));
        if (unit is null) q.Error<object>("by", $"'{q.Text("by")}' is not country, region, operator or region,operator");
        var months = new MonthSelection(oneMonth ? q.Text("month") : null, q.Text("from"), q.Text("to"));
        if (months.Problem() is { } p) q.Error<object>(p.Name, p.Message);
        var rule = new SampleRule(q.Int("minTests", 1, 100_000_000) ?? SampleRule.DefaultMinTests, q.Int("minNetworks", 0, 100_000_000) ?? SampleRule.DefaultMinNetworks);
        var synthetic = q.OneOf("includeSynthetic", ["true", "false"]) == "true";
        return new Params(unit ?? RankUnit.Region, months, rule, synthetic);
    }

    public static IEndpointRouteBuilder MapRankingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quality/rankings", (HttpRequest request, DalaWebSettings settings, RegistryViews views,
            [FromQuery] string? by, [FromQuery] string? month, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? minTests,
            [FromQuery] string? minNetworks, [FromQuery] string? includeSynthetic, [FromQuery] string? format) =>
        {
            var q = new QueryReader(request.Query, [.. Common, "format"]);
            var p = Read(q, oneMonth: true);
            var fmt = q.OneOf("format", ["json", "csv"]) ?? "json";
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
            var rankings = RankingQueries.Rankings(store, p.Unit, p.Months, p.Rule, p.Synthetic);
            if (fmt == "csv") return CsvResult.Of(t => OpenData.WriteRankingsCsv(t, rankings), "quality-rankings.csv");
            var view = views.Current();
            var tileUnit = p.Unit is RankUnit.Operator or RankUnit.RegionOperator ? RankUnit.Country : p.Unit;
            var tiles = RankingQueries.Tiles(store, tileUnit, quarterly: true, p.Synthetic)
                .Select(f => new TileFigureDto(f.Period, f.Region, f.Region is null ? null : view.RegionName(f.Region), f.Tiles, f.Tests,
                    RankingRowDto.R(f.DownMean), RankingRowDto.R(f.UpMean), RankingRowDto.R(f.LatencyMean), f.Synthetic)).ToArray();
            return Results.Ok(new RankingsDto(RankingQueries.UnitName(p.Unit), p.Rule.MinTests, p.Rule.MinNetworks, p.Synthetic, p.Synthetic ? SyntheticNote : null,
                rankings.Select(k => new RankingMonthDto(k.Month, k.Rows.Count(r => r.Ranked), k.Rows.Select(r => RankingRowDto.Of(r, view.RegionName)).ToArray())).ToArray(),
                new TileFiguresDto(TileWeighted.Method, tiles)));
        }).WithName("GetQualityRankings").WithTags("Quality")
          .WithSummary("Monthly rankings by exact median download of valid tests (rank 1 = fastest), rank change since the month before, minimum sample rule")
          .WithDescription("by: country, region (default), operator or region,operator. month (default: the latest with tests) or from/to (YYYY-MM). " +
                           "A unit is ranked with at least minTests (default 100) valid tests from minNetworks (default 30) distinct client networks, " +
                           "else listed with a note. includeSynthetic=true counts SYNTHETIC tests (synthetic: true). Ookla tiles are given apart as tile-weighted means. format=csv.")
          .Produces<RankingsDto>(StatusCodes.Status200OK).AlsoProduces("text/csv").ProducesValidationProblem();

        app.MapGet("/api/quality/trend", (HttpRequest request, DalaWebSettings settings, RegistryViews views,
            [FromQuery] string? by, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? minTests,
            [FromQuery] string? minNetworks, [FromQuery] string? includeSynthetic) =>
        {
            var q = new QueryReader(request.Query, [.. Common.Where(c => c != "month")]);
            var p = Read(q, oneMonth: false);
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
            var (country, units, months) = RankingQueries.Trend(store, p.Unit, p.Months, p.Rule, p.Synthetic);
            var view = views.Current();
            return Results.Ok(new TrendDto(RankingQueries.UnitName(p.Unit), months, p.Synthetic, p.Synthetic ? SyntheticNote : null,
                TrendSeriesDto.Of(country, view.RegionName), units.Select(s => TrendSeriesDto.Of(s, view.RegionName)).ToArray()));
        }).WithName("GetQualityTrend").WithTags("Quality")
          .WithSummary("Monthly exact medians for the country and per region/operator (trend lines); meetsRule says whether a month meets the sample rule")
          .Produces<TrendDto>(StatusCodes.Status200OK).ProducesValidationProblem();

        app.MapGet("/api/quality/opendata/tiles", (HttpRequest request, DalaWebSettings settings,
            [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? minTests, [FromQuery] string? includeSynthetic, [FromQuery] string? format) =>
        {
            var q = new QueryReader(request.Query, ["from", "to", "minTests", "includeSynthetic", "format"]);
            var months = new MonthSelection(null, q.Text("from"), q.Text("to"));
            if (months.Problem() is { } pr) q.Error<object>(pr.Name, pr.Message);
            var min = q.Int("minTests", 1, 1_000_000) ?? OpenData.DefaultMinTests;
            var synthetic = q.OneOf("includeSynthetic", ["true", "false"]) == "true";
            var fmt = q.OneOf("format", ["geojson", "csv"]) ?? "geojson";
            if (q.HasErrors) return q.Problem();
            if (settings.Measurements is not { } store) return MeasurementsApi.NoStore();
            var tiles = OpenData.Published(store.OpenTiles(months.From, months.To, synthetic), min).ToArray();
            if (fmt == "csv") return CsvResult.Of(t => OpenData.WriteCsv(t, tiles), "dala-opendata-tiles.csv");
            using var s = new MemoryStream();
            OpenData.WriteGeoJson(s, tiles, min);
            return Results.Bytes(s.ToArray(), GeoJsonResult.ContentType, "dala-opendata-tiles.geojson");
        }).WithName("GetQualityOpenDataTiles").WithTags("Quality")
          .WithSummary("Open data: zoom-16 quadkey tiles with the count and p10/median/p90 of valid tests, as GeoJSON polygons (default) or CSV")
          .WithDescription("Tiles with fewer than minTests (default 3) tests are not published. includeSynthetic=true counts SYNTHETIC tests; such tiles say synthetic: true.")
          .AlsoProduces(GeoJsonResult.ContentType).AlsoProduces("text/csv").ProducesValidationProblem();
        return app;
    }
}
