using System.Text;
using System.Text.Json;
using Dala.Fibre.Planning;
using Dala.Geo.Io;
using Dala.Platform.Jobs;
using Dala.Web.Dto;
using Dala.Web.Jobs;

namespace Dala.Web.Apis;

/// <summary>
/// The background work of a fibre plan: the parameters (<see cref="FibreQuery"/>, JSON) against today's registry view,
/// the planner, then what the API serves kept with the job as outputs (the totals, the GeoJSON with and without paths,
/// the CSV), so that any instance on the store answers from them. A plan refused for its settlements (no backbone in
/// scope) is a job that succeeds with the refusal as its output: asked again, it is the same answer, not a new job.
/// </summary>
internal static class FibreJob
{
    public const string Kind = "fibre";
    public const string Totals = "plan.json", GeoJson = "plan.geojson", Routes = "routes.geojson", Csv = "plan.csv", Refusal = "refusal.txt";

    public static JobWork Work(RegistryViews views) => (job, input, cancel) =>
    {
        var query = FibreQuery.FromJson(input);
        job.Report("registry snapshot", 0);
        var view = views.Current();
        job.Report("solving", 0.1);
        FibrePlanReport report;
        try
        {
            report = FibrePlanning.Run(view, query.Request());
        }
        catch (ArgumentException e)
        {
            return Result(new JobOutput(Refusal, "text/plain", Encoding.UTF8.GetBytes(e.Message)));
        }
        cancel.ThrowIfCancellationRequested();
        job.Report("writing", 0.9);
        return Result(
            new JobOutput(Totals, "application/json", JsonSerializer.SerializeToUtf8Bytes(FibreApi.Dto(report, ""), Json)),
            new JobOutput(GeoJson, GeoJsonResult.ContentType, Render(w => FibrePlanExport.WriteGeoJson(w, report, view.Snapshot, true))),
            new JobOutput(Routes, GeoJsonResult.ContentType, Render(w => FibrePlanExport.WriteGeoJson(w, report, view.Snapshot, false))),
            new JobOutput(Csv, CsvResult.ContentType, PathsCsv(report, view)));
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JsonOutput.Writer.Encoder };

    private static JobResult Result(params JobOutput[] outputs) => new("/api/fibre/plan", null, outputs);

    private static byte[] Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Writer)) write(w);
        return buffer.ToArray();
    }

    private static byte[] PathsCsv(FibrePlanReport report, Registry.Query.RegistryView view)
    {
        var text = new StringWriter();
        FibrePlanExport.WritePathsCsv(text, report, view.Snapshot);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
