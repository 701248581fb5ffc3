using System.Text.Json;
using Dala.Registry.Indicators;
using Dala.Registry.Model;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

/// <summary>
/// The programme's indicators: reported values (stored) beside those Dala derives (settlements on fibre, shares against the
/// targets, fibre km of the latest plan), with targets and sources; analysts add values as CSV or JSON.
/// </summary>
public static class IndicatorsApi
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indicators", List).WithName("GetIndicators").WithTags("Indicators")
            .WithSummary("Every indicator with its target and its latest reported and derived value (national, or of one region)")
            .WithDescription("region: an ISO 3166-2:KZ code, or KZ (default) for the country.")
            .Produces<IndicatorDto[]>(StatusCodes.Status200OK).ProducesValidationProblem();
        app.MapGet("/api/indicators/{id}", Series).WithName("GetIndicator").WithTags("Indicators")
            .WithSummary("One indicator's series: its values, reported and derived, oldest first, with sources")
            .WithDescription("region: an ISO 3166-2:KZ code, or KZ (default) for the country.")
            .Produces<IndicatorSeriesDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/indicators", Post).WithName("PostIndicators").WithTags("Indicators")
            .WithMetadata(new RequestBodyPolicy([RequestBodyPolicy.Csv, RequestBodyPolicy.Json], MaxBodyBytes))
            .WithSummary("Add or correct reported indicator values: text/csv (indicator,name,unit,date,value,source[,region,source_url,target," +
                         "target_date,target_source,synthetic,note], or Ookla's country quarterly aggregates) or application/json {values: [{...}]}")
            .WithDescription("One transaction: any bad row and nothing is stored. 400: malformed body (broken CSV header or row, wrong JSON types, " +
                             "unknown fields); 422: invalid values, each named by CSV line (\"line N: field\") or JSON path (values[i].field).")
            .Produces<IndicatorImportDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static string? Region(QueryReader q)
    {
        var r = q.Text("region");
        if (r is null || r == "KZ") return IndicatorPoint.National;
        return KazakhstanRegions.FindByCode(r) is null ? q.Error<string>("region", $"'{r}' is not an ISO 3166-2:KZ region code or KZ") : r;
    }

    private static IResult List(HttpRequest request, RegistryViews views, IndicatorSource source)
    {
        var q = new QueryReader(request.Query, ["region"]);
        var region = Region(q);
        if (q.HasErrors) return q.Problem();
        return Results.Ok(source.Board(views.Current()).Select(s => IndicatorDto.Of(s, region!)).ToArray());
    }

    private static IResult Series(string id, HttpRequest request, RegistryViews views, IndicatorSource source)
    {
        var q = new QueryReader(request.Query, ["region"]);
        var region = Region(q);
        if (q.HasErrors) return q.Problem();
        var series = source.Board(views.Current()).FirstOrDefault(s => s.Indicator.Id == id);
        if (series is null) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such indicator", detail: $"No indicator {id}.");
        var own = series.For(region!);
        return Results.Ok(new IndicatorSeriesDto(IndicatorDto.Of(series, region!), region!.Length == 0 ? "KZ" : region,
            own.Points.Select(IndicatorValueDto.Of).ToArray()));
    }

    private static async Task<IResult> Post(HttpRequest request, DalaWebSettings settings, CancellationToken cancel)
    {
        if (settings.Indicators is not { } store)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No indicators", detail: "This host keeps no indicators.");
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type == RequestBodyPolicy.Csv)
        {
            var bytes = await ReadBytes(request, cancel);
            if (bytes is null) return TooLarge();
            var report = new IndicatorImporter(store, settings.Clock).Import("upload.csv", bytes);
            if (!report.Succeeded)
            {
                var malformed = report.Rejected.Any(e => e.Field is "file" or "header" or "row" or "encoding");
                return Results.ValidationProblem(report.Rejected.GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()),
                    title: malformed ? "Malformed indicators file" : "Invalid indicator values; nothing was stored",
                    statusCode: malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);
            }
            return Results.Ok(new IndicatorImportDto(report.File, report.Read, report.Stored, report.Unchanged));
        }
        var body = await JsonBody.ReadAsync(request, MaxBodyBytes, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        var rows = new IndicatorRows(DateOnly.FromDateTime(settings.Clock.Now.UtcDateTime));
        ReadJson(doc.RootElement, rows, errors);
        if (errors.Any) return errors.Problem("Invalid indicator values; nothing was stored");
        foreach (var e in rows.Errors) errors.Invalid($"values[{e.Row}].{e.Field}", e.Reason);
        if (errors.Any) return errors.Problem("Invalid indicator values; nothing was stored");
        var set = rows.ToSet();
        var saved = store.Save(set);
        return Results.Ok(new IndicatorImportDto("upload.json", rows.Rows, saved.PointsStored, saved.PointsUnchanged));
    }

    private static void ReadJson(JsonElement root, IndicatorRows rows, BodyErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            errors.WrongShape("values", "the body must be an object {values: [...]} with an array of values");
            return;
        }
        foreach (var p in root.EnumerateObject().Where(p => p.Name != "values")) errors.WrongShape(p.Name, "unknown field");
        var i = 0;
        foreach (var v in values.EnumerateArray())
        {
            var at = i++;
            if (v.ValueKind != JsonValueKind.Object) { errors.WrongShape($"values[{at}]", "must be an object"); continue; }
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var f in v.EnumerateObject())
            {
                var path = $"values[{at}].{f.Name}";
                if (!IndicatorRows.Fields.Contains(f.Name)) { errors.WrongShape(path, $"unknown field (known: {string.Join(", ", IndicatorRows.Fields)})"); continue; }
                var number = f.Name is "value" or "target";
                fields[f.Name] = f.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number when number => f.Value.GetRawText(),
                    JsonValueKind.String when !number && f.Name != "synthetic" => f.Value.GetString()!.Trim() is { Length: > 0 } t ? t : null,
                    JsonValueKind.True or JsonValueKind.False when f.Name == "synthetic" => f.Value.GetBoolean() ? "true" : "false",
                    _ => Wrong(errors, path, number ? "must be a number" : f.Name == "synthetic" ? "must be true or false" : "must be a string"),
                };
            }
            if (!errors.Malformed) rows.Add(at, n => fields.GetValueOrDefault(n));
        }
    }

    private static string? Wrong(BodyErrors errors, string path, string reason)
    {
        errors.WrongShape(path, reason);
        return null;
    }

    private static async Task<byte[]?> ReadBytes(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
        detail: $"The body may be at most {MaxBodyBytes / 1024} KiB.");
}
