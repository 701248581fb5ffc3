using System.Text.Json;
using Dala.Platform.Jobs;
using Dala.Radio.Coverage;
using Dala.Registry.Import;
using Dala.Rollout.Planning;
using Dala.Web.Http;
using Dala.Web.Jobs;

namespace Dala.Web.Apis;

/// <summary>
/// The background work of a coverage run: the request (as posted) read again, the coverage engine over every settlement
/// (and the roads and raster asked for) from the store's sites, with its progress on the job, then the run saved in the
/// coverage store, where GET /api/coverage finds it as the latest run. A job cancelled before the save saves nothing.
/// </summary>
internal static class CoverageJob
{
    public const string Kind = "coverage";

    public static JobWork Work(DalaWebSettings settings, RegistryViews views) => (job, input, cancel) =>
    {
        if (settings.Coverage is not { } coverage) throw new InvalidOperationException("this host keeps no coverage runs");
        job.Report("registry snapshot", 0);
        using var doc = JsonDocument.Parse(input);
        var errors = new BodyErrors();
        var request = CoverageRunReader.Read(doc.RootElement, views.Current().Snapshot.Settlements, errors)
                      ?? throw new InvalidOperationException("the request is no longer valid; post it again to see why");
        var progress = new SyncProgress<ImportProgress>(p => job.Report(p.Phase, p.Total > 0 ? (double)p.Done / p.Total : 0));
        new CoverageRunner(settings.Store, coverage, settings.Clock).Run(request, progress, cancel);
        return new JobResult("/api/coverage");
    };
}
