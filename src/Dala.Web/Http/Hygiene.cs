using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Dala.Web.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Http;

/// <summary>
/// The HTTP pipeline's hygiene and limits, in three calls so the host's own lines stay few:
/// <see cref="AddDalaPlatform"/> (services), <see cref="UseDalaHygiene"/> (headers, errors, compression, routing),
/// <see cref="UseDalaLimits"/> (after authentication, so limits can be per user: rate limits, body checks, timeouts),
/// and <see cref="MapDalaPlatform"/> (/healthz, /readyz, /metrics, 405s and the API's 404 fallback, after every Map... call).
/// </summary>
public static class Hygiene
{
    public static WebApplicationBuilder AddDalaPlatform(this WebApplicationBuilder builder, DalaWebSettings settings)
    {
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        builder.Services.AddDalaCompression();
        builder.Services.AddSingleton<RequestBodyCheck>();
        builder.Services.AddDalaLimits(settings.Limits);
        builder.Services.AddDalaOperations();
        return builder;
    }

    public static WebApplication UseDalaHygiene(this WebApplication app)
    {
        app.Use(SecurityHeaders.Middleware);
        app.UseExceptionHandler();
        app.UseDalaCompression();
        app.UseStatusCodePages();
        app.UseRouting();
        return app;
    }

    public static WebApplication UseDalaLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        var check = app.Services.GetRequiredService<RequestBodyCheck>();
        app.Use((ctx, next) => check.InvokeAsync(ctx, next));
        app.UseRequestTimeouts();
        return app;
    }

    public static WebApplication MapDalaPlatform(this WebApplication app)
    {
        app.MapDalaOperations();
        MethodNotAllowed.Map(app);
        app.MapFallback("/api/{**rest}", () => Microsoft.AspNetCore.Http.Results.Problem(statusCode: Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound,
            title: "Not found", detail: "No such API endpoint; see /openapi/v1.json"));
        return app;
    }
}
