using System.Text.Json;
using Dala.Platform.Jobs;
using Dala.Registry.Import;
using Dala.Rollout.Planning;
using Dala.Web.Jobs;

namespace Dala.Web.Apis;

/// <summary>
/// The background work of an import posted to the web: the uploaded file (kept in the store with the job, so any
/// worker can run it) written to a private temporary folder under its own name, the registry importer of its kind
/// (one transaction; every rejected row named file:line, field, reason; nothing stored when any is), then the report
/// kept as the job's output. A file with rejected rows is a job that succeeds with a report saying nothing was stored.
/// </summary>
internal static class ImportJob
{
    public const string Kind = "import";
    public const string Upload = "upload", Report = "report.json";

    /// <summary>The kinds of file the web takes, with what imports each.</summary>
    public static readonly IReadOnlyDictionary<string, Func<DalaWebSettings, string, IProgress<ImportProgress>, ImportReport>> Importers =
        new Dictionary<string, Func<DalaWebSettings, string, IProgress<ImportProgress>, ImportReport>>(StringComparer.Ordinal)
        {
            ["settlements"] = (s, path, p) => new SettlementImporter(s.Store, s.Clock).Import(path, p),
            ["connectivity"] = (s, path, p) => new ConnectivityImporter(s.Store, s.Clock).Import(path, p),
            ["sites"] = (s, path, p) => new SiteImporter(s.Store, s.Clock).Import(path, p),
        };

    public sealed record Input(string Kind, string File);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JobWork Work(DalaWebSettings settings, IJobStore jobs) => (job, input, cancel) =>
    {
        var request = JsonSerializer.Deserialize<Input>(input, Json) ?? throw new InvalidOperationException("an import job without its input");
        var upload = jobs.Output(job.JobId, Upload) ?? throw new InvalidOperationException("the uploaded file is no longer kept; post it again");
        var dir = Directory.CreateTempSubdirectory("dala-import-");
        try
        {
            var path = Path.Combine(dir.FullName, request.File);
            File.WriteAllBytes(path, upload.Body);
            cancel.ThrowIfCancellationRequested();
            var progress = new SyncProgress<ImportProgress>(p => job.Report(p.Phase, p.Total > 0 ? (double)p.Done / p.Total : 0));
            var report = Importers[request.Kind](settings, path, progress);
            var dto = new ImportReportDto(report.Kind, report.File, report.Committed, report.Read, report.Stored, report.Unchanged,
                report.Skipped, [.. report.Rejected.Select(r => new RowErrorDto(r.File, r.Line, r.Field, r.Reason))], report.Notes);
            return new JobResult($"/api/imports/{job.JobId}", null, [new JobOutput(Report, "application/json", JsonSerializer.SerializeToUtf8Bytes(dto, Json))]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    };
}

/// <summary>What an import did: rows read, stored (new or changed), unchanged, skipped by reason; the rejected rows by
/// file:line, field and reason (then nothing was stored: <see cref="Committed"/> false); notes.</summary>
public sealed record ImportReportDto(string Kind, string File, bool Committed, int Read, int Stored, int Unchanged,
    IReadOnlyDictionary<string, int> Skipped, RowErrorDto[] Rejected, IReadOnlyList<string> Notes);

/// <summary>One rejected row: where (file and line), which field, why.</summary>
public sealed record RowErrorDto(string File, int Line, string Field, string Reason);
