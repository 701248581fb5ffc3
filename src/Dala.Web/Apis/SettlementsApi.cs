using Dala.Geo;
using Dala.Registry.Export;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Registry.Store;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

public static partial class SettlementsApi
{
    private static readonly string[] Known =
        ["region", "kind", "technology", "minPopulation", "maxPopulation", "q", "bbox", "page", "pageSize", "format"];

    public static readonly string[] TechnologyFilterValues = [.. Technologies.All.Select(t => t.WireName()), "unknown"];

    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapSettlementsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/settlements", List).WithName("GetSettlements").WithTags("Registry")
            .WithSummary("Settlements with their current status, filtered and paged; format=geojson or csv exports every match")
            .WithDescription("region, kind and technology take comma-separated lists; technology values: fibre, 5G, 4G, " +
                             "fixed-wireless, satellite, 3G, none, unknown. q matches the id, any name (any script, spelling-insensitive) " +
                             "or, for 2 to 9 digits, a KATO code and its prefixes. bbox is west,south,east,north in degrees. " +
                             "JSON is paged (pageSize up to 1000, default 100); geojson and csv return every match unless page or pageSize is given.")
            .Produces<SettlementPageDto>(StatusCodes.Status200OK)
            .AlsoProduces(GeoJsonResult.ContentType, "text/csv")
            .ProducesValidationProblem();
        app.MapGet("/api/settlements/{id}", Detail).TakesQuery().WithName("GetSettlement").WithTags("Registry")
            .WithSummary("One settlement with its status, connectivity history and KATO entry")
            .Produces<SettlementDetailDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/operators", (RegistryViews views) =>
        {
            var view = views.Current();
            var counts = view.Snapshot.Settlements.SelectMany(s => view.StatusOf(s.Id).Active.Select(a => (a.OperatorId, s.Id)))
                .Where(x => x.OperatorId is not null).Distinct().GroupBy(x => x.OperatorId!).ToDictionary(g => g.Key, g => g.Count());
            return TypedResults.Ok(view.Snapshot.Operators.Select(o => new OperatorDto(o.Id, o.Name, counts.GetValueOrDefault(o.Id))).ToArray());
        }).TakesQuery().WithName("GetOperators").WithTags("Registry").WithSummary("Operators and how many settlements each serves today");
        return app;
    }

    private static IResult List(HttpRequest request, RegistryViews views, ViewCache cache, DalaWebSettings settings,
        [FromQuery] string? region, [FromQuery] string? kind, [FromQuery] string? technology,
        [FromQuery] string? minPopulation, [FromQuery] string? maxPopulation, [FromQuery] string? q, [FromQuery] string? bbox,
        [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? format)
    {
        var view = views.Current();
        var query = new QueryReader(request.Query, Known);
        var filter = ReadFilter(query, view, settings.Store);
        var fmt = query.OneOf("format", ["json", "geojson", "csv"]) ?? "json";
        var paged = fmt == "json" || query.Text("page") is not null || query.Text("pageSize") is not null;
        var pageNo = query.Int("page", 1, int.MaxValue) ?? 1;
        var size = query.Int("pageSize", 1, fmt == "json" ? MaxPageSize : int.MaxValue) ?? (fmt == "json" ? 100 : int.MaxValue);
        if (query.HasErrors) return query.Problem();
        var all = view.Filter(filter).ToList();
        var chosen = paged ? all.Skip((int)Math.Min(int.MaxValue, (long)(pageNo - 1) * size)).Take(size) : all;
        var rows = chosen.Select(s => SettlementSummary.Of(view, s));
        var dataset = DatasetDescription.Of(view.Snapshot);
        var suffix = dataset.Synthetic ? "-synthetic" : "";
        return fmt switch
        {
            "geojson" => GeoJsonResult.Cached(cache, view, "settlements:" + ViewCache.KeyOf(chosen, s => s.Id),
                w => SettlementExport.WriteGeoJson(w, rows, dataset.Name, dataset.Synthetic), $"settlements{suffix}.geojson"),
            "csv" => CsvResult.Of(t => SettlementExport.WriteCsv(t, rows), $"settlements{suffix}.csv"),
            _ => TypedResults.Ok(new SettlementPageDto(all.Count, pageNo, size, rows.Select(r => r.ToDto()).ToArray())),
        };
    }

    internal static SettlementQuery ReadFilter(QueryReader q, RegistryView view, IRegistryStore store)
    {
        var regions = q.ListOf("region", view.Snapshot.RegionsByCode.Keys.ToArray());
        var kinds = q.ListOf("kind", Enum.GetValues<SettlementKind>().Select(k => k.WireName()).ToArray());
        var techs = q.ListOf("technology", TechnologyFilterValues);
        var min = q.Int("minPopulation", 0, int.MaxValue);
        var max = q.Int("maxPopulation", 0, int.MaxValue);
        if (min is not null && max is not null && min > max) q.Error<object>("maxPopulation", $"{max} is below minPopulation {min}");
        var boxText = q.Text("bbox");
        var box = BBox.TryParse(boxText);
        if (boxText is not null && box is null) q.Error<object>("bbox", $"'{boxText}' is not west,south,east,north in degrees");
        var inBox = box is { } b && !q.HasErrors ? store.SettlementsInBox(b).ToHashSet(StringComparer.Ordinal) : null;
        return new SettlementQuery(regions, kinds?.Select(k => SettlementKinds.Parse(k)!.Value).ToHashSet(), techs, min, max, q.Text("q"), inBox);
    }

    private static IResult Detail(string id, RegistryViews views)
    {
        var view = views.Current();
        if (!view.Snapshot.SettlementsById.TryGetValue(id, out var s))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Settlement not found", detail: $"No settlement has id '{id}'.");
        var ops = view.Snapshot.OperatorsById;
        var summary = SettlementSummary.Of(view, s);
        return TypedResults.Ok(DtoMapping.Fill(new SettlementDetailDto
        {
            Status = summary.Status.ToDto(ops),
            History = view.Snapshot.HistoryOf(s.Id).Select(h => h.ToDto(ops)).ToArray(),
            Kato = KatoOf(view, s.KatoCode),
        }, summary));
    }

    private static KatoDto? KatoOf(RegistryView view, string? code)
    {
        if (code is null) return null;
        var kato = view.Snapshot.Kato;
        var byId = kato.ToDictionary(k => k.Id);
        var unit = kato.FirstOrDefault(k => k.Code == code);
        if (unit is null) return new KatoDto(code, []);
        var path = new List<string>();
        for (var u = unit; u is not null; u = byId.GetValueOrDefault(u.ParentId)) path.Insert(0, u.Name);
        return new KatoDto(code, path);
    }
}
