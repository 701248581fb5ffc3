using Dala.Geo.Io;
using Dala.Web.Apis;
using Dala.Web.Auth;
using Dala.Web.Http;
using Dala.Web.Jobs;
using Dala.Web.Ndt7;
using Dala.Web.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Dala.Web;

/// <summary>Builds the web app: REST API (one Map...Api per area), OpenAPI document, and the static UI.</summary>
public static class DalaWeb
{
    public static WebApplication Build(WebApplicationBuilder builder, DalaWebSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.AddDalaPlatform(settings);
        builder.Services.AddSingleton<RegistryViews>();
        builder.Services.AddSingleton<ViewCache>();
        builder.Services.AddSingleton<CoverageRuns>();
        builder.Services.AddSingleton<PlanCache>();
        builder.Services.AddSingleton<MeasurementIntakeService>();
        builder.Services.AddSingleton<Report.IndicatorSource>();
        builder.Services.AddSingleton(Report.ReportRenderer.Default);
        AddJobs(builder.Services, settings);
        builder.Services.AddNdt7(settings.Clock, settings.Ndt7);
        if (settings.Measurements is not null) builder.Services.AddSingleton<INdt7ResultSink, MeasurementNdt7Sink>();
        builder.Services.AddRequestTimeouts(o => o.AddPolicy(MeasurementsApi.IntakeTimeoutPolicy, new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
        {
            Timeout = settings.IntakeTimeout,
            TimeoutStatusCode = StatusCodes.Status408RequestTimeout,
            WriteTimeoutResponse = async ctx => await Results.Problem(statusCode: StatusCodes.Status408RequestTimeout, title: "Request timeout",
                detail: $"The batch did not arrive within {settings.IntakeTimeout.TotalSeconds:0} s; nothing was stored.").ExecuteAsync(ctx),
        }));
        builder.Services.AddProblemDetails();
        builder.Services.AddDalaAuth(settings);
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Dala API";
            doc.Info.Version = "v1";
            doc.Info.Description = "National broadband programme registry: regions, settlements, connectivity and progress to the targets.";
            doc.Servers?.Clear();
            return Task.CompletedTask;
        }).AddOperationTransformer(Http.AlsoProduces.Transform));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.WriteIndented = false;
            o.SerializerOptions.Encoder = JsonOutput.Writer.Encoder;
        });

        var app = builder.Build();
        app.UseDalaHygiene();
        var webRoot = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = webRoot });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webRoot });
        // Who is asking first (the static files before it are public), so that the limits after it count per user.
        app.UseDalaAuth();
        app.UseDalaLimits();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapDatasetApi();
        app.MapBasemapApi();
        app.MapRegionsApi();
        app.MapSpatialApi();
        app.MapSettlementsApi();
        app.MapProgressApi();
        app.MapSitesApi();
        app.MapCoverageApi();
        app.MapCalibrationApi();
        app.MapMeasurementsApi();
        app.MapVectorTilesApi();
        app.MapSpeedTestApi();
        app.MapQualityApi();
        app.MapRankingsApi();
        app.MapVerdictsApi();
        app.MapFibreApi();
        app.MapJobsApi();
        app.MapImportsApi();
        app.MapPlansApi();
        app.MapCasesApi();
        app.MapChallengesApi();
        app.MapIndicatorsApi();
        app.MapReport();
        app.MapEventsApi();
        app.MapPermitsApi();
        app.MapNdt7();
        app.MapDalaPlatform();
        return app;
    }

    /// <summary>The job runner and the kinds of job it runs, for a web instance and for `dala worker` alike.</summary>
    public static void AddJobs(IServiceCollection services, DalaWebSettings settings)
    {
        var store = settings.JobStore ?? new Platform.Jobs.InMemoryJobStore();
        services.AddSingleton(sp => new JobKinds()
            .Add(PlanJob.Kind, PlanJob.Work(sp.GetRequiredService<RegistryViews>(), settings))
            .Add(CoverageJob.Kind, CoverageJob.Work(settings, sp.GetRequiredService<RegistryViews>()))
            .Add(FibreJob.Kind, FibreJob.Work(sp.GetRequiredService<RegistryViews>()))
            .Add(ImportJob.Kind, ImportJob.Work(settings, store)));
        services.AddSingleton(sp => new JobRunner(settings.Clock, settings.Jobs, store, sp.GetRequiredService<JobKinds>(), sp.GetService<ILogger<JobRunner>>()));
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
    }
}
