using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Dala.Web.Operations;

/// <summary>
/// For the operator and the load balancer: GET /healthz (liveness: the process answers, 200 text), GET /readyz (200 text
/// when the store answers a query, else 503 problem+json) and GET /metrics (Prometheus text format, OpenTelemetry's
/// exporter). Not in the OpenAPI document: they are the host's, not the API's.
/// </summary>
public static class OperationsEndpoints
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddDalaOperations(this IServiceCollection services)
    {
        services.AddSingleton<DalaMetrics>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "System.Runtime", DalaMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapDalaOperations(this IEndpointRouteBuilder app)
    {
        _ = app.ServiceProvider.GetRequiredService<DalaMetrics>(); // the instruments exist from the start
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain")).ExcludeFromDescription();
        app.MapGet("/readyz", Ready).ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static IResult Ready(DalaWebSettings settings, ILogger<DalaMetrics> log)
    {
        try
        {
            settings.Store.ReadRevision();
            return Results.Text("ready\n", "text/plain");
        }
#pragma warning disable CA1031 // any failure of the store means not ready; it is logged, never thrown at the prober
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "readiness: the store did not answer");
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                detail: $"The store did not answer: {e.GetType().Name}.");
        }
    }
}
