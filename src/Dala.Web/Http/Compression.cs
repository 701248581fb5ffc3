using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Http;

/// <summary>
/// Brotli and gzip (the client's Accept-Encoding decides, brotli first) for the text answers: JSON, GeoJSON, CSV,
/// NDJSON, HTML, JS, CSS, SVG, problems. Fastest level: a national GeoJSON of 3.3 MB is sent as a few hundred KB
/// for a few milliseconds of CPU. Never for the ndt7 endpoints (a speed test measures raw bytes) and never for
/// binary answers (PNG, GeoTIFF), which are already compressed or gain nothing.
/// </summary>
public static class Compression
{
    public static readonly string[] MimeTypes =
    [
        "application/json", "application/problem+json", GeoJsonResult.ContentType, "application/x-ndjson", "text/csv",
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
    ];

    public static IServiceCollection AddDalaCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // answers reflect no secret next to attacker-chosen text (BREACH needs both)
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseDalaCompression(this IApplicationBuilder app) =>
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/ndt", StringComparison.Ordinal), b => b.UseResponseCompression());
}
