using System.Globalization;
using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;
using Dala.Web.Http;
using Dala.Web;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Apis;

public static partial class VerdictsApi
{
    private static (Period? Period, Sampling Sampling) Common(QueryReader q, IReadOnlyCollection<string> sources)
    {
        DateOnly? Day(string name) => q.Text(name) is null ? q.Error<DateOnly?>(name, "required: a UTC day YYYY-MM-DD") : q.Day(name);
        var from = Day("from");
        var to = Day("to");
        if (from is not null && to is not null && to < from) q.Error<object>("to", "is before from");
        var src = Sampling.ParseSources(q.OneOf("sources", sources) ?? "all") ?? SourceMode.All;
        var one = q.OneOf("one_per_network_day", ["true", "false"]) == "true";
        return (from is null || to is null || to < from ? null : new Period(from.Value, to.Value), new Sampling(one, src));
    }

    private static IResult Verdicts(HttpRequest request, DalaWebSettings s)
    {
        var q = new QueryReader(request.Query, ["from", "to", "obligation", "sources", "one_per_network_day", "format"]);
        var (period, sampling) = Common(q, ["all", "crowd", "inspector", "separate"]);
        var format = q.OneOf("format", ["json", "csv"]) ?? "json";
        if (q.HasErrors) return q.Problem();
        if (s.Obligations is not { } obligations || s.Measurements is not { } measurements) return NoStore();
        IEnumerable<Obligation> list = obligations.CurrentOrDefaults(s.Clock);
        if (q.Text("obligation") is { } id)
        {
            list = list.Where(o => o.Id == id).ToList();
            if (!list.Any()) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such obligation", detail: $"No obligation {id}.");
        }
        var rows = VerdictEngine.Compute(measurements, list, period!.Value, sampling);
        if (format == "csv") return CsvResult.Of(w => VerdictCsv.Write(w, rows, period.Value), "verdicts.csv");
        return Results.Ok(rows.Select(VerdictDto.Of).ToArray());
    }

    private static IResult Evidence(HttpRequest request, DalaWebSettings s)
    {
        var q = new QueryReader(request.Query, ["obligation", "operator", "region", "settlement", "from", "to", "sources", "one_per_network_day", "format"]);
        var (period, sampling) = Common(q, ["all", "crowd", "inspector"]);
        var format = q.OneOf("format", ["html", "csv"]) ?? "html";
        var id = q.Text("obligation");
        if (id is null) q.Error<object>("obligation", "required: the obligation's id");
        if (q.HasErrors) return q.Problem();
        if (s.Obligations is not { } obligations || s.Measurements is not { } measurements) return NoStore();
        var o = obligations.CurrentOrDefaults(s.Clock).FirstOrDefault(x => x.Id == id);
        if (o is null) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such obligation", detail: $"No obligation {id}.");
        var source = sampling.Sources switch { SourceMode.Crowd => "crowd", SourceMode.Inspector => "inspector", _ => "all" };
        var unit = new VerdictUnit(q.Text("operator") ?? "", q.Text("region") ?? "", q.Text("settlement") ?? "", source);
        var groups = VerdictEngine.Counted(measurements, o, period!.Value, sampling, u => u == unit);
        var pack = EvidencePack.Build(o, unit, period.Value, sampling, groups.TryGetValue(unit, out var tests) ? tests : [], s.Clock.Now);
        if (format == "csv") return CsvResult.Of(pack.WriteCsv, $"evidence-{o.Id}.csv");
        return Results.Content(pack.Html(), "text/html; charset=utf-8");
    }
}
