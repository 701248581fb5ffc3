using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Ndt7;

/// <summary>
/// The ndt7 endpoints, /ndt/v7/download and /ndt/v7/upload. Each runs behind its own WebSocket middleware, so the
/// host needs no app.UseWebSockets() (an outer one is harmless: the inner one sees the feature and steps aside).
/// GET is HTTP/1.1's upgrade, CONNECT HTTP/2's extended CONNECT. Needs <see cref="Ndt7Services.AddNdt7"/>.
/// </summary>
public static class Ndt7Endpoints
{
    public const string DownloadPath = "/ndt/v7/download";
    public const string UploadPath = "/ndt/v7/upload";
    public const string Subprotocol = "net.measurementlab.ndt.v7";

    public static IEndpointRouteBuilder MapNdt7(this IEndpointRouteBuilder app)
    {
        var handler = app.ServiceProvider.GetService<Ndt7Handler>()
            ?? throw new InvalidOperationException("ndt7 services are missing: call builder.Services.AddNdt7(clock) before MapNdt7().");
        Map(app, DownloadPath, ctx => handler.HandleAsync(ctx, Ndt7TestKind.Download), "Ndt7Download");
        Map(app, UploadPath, ctx => handler.HandleAsync(ctx, Ndt7TestKind.Upload), "Ndt7Upload");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, RequestDelegate run, string name)
    {
        var pipeline = app.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(run);
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Connect], pipeline.Build()).WithName(name).ExcludeFromDescription();
    }
}
