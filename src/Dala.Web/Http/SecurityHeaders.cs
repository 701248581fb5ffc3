using Microsoft.AspNetCore.Http;

namespace Dala.Web.Http;

/// <summary>
/// Headers every answer carries (pages, API, errors, static files): a Content-Security-Policy that allows no inline
/// script (scripts, workers, styles, images and connections from this origin only, plus the origin of an external
/// basemap given to dala serve --basemap for images and connections; inline style attributes, which the UI's templates
/// use for colours and bar widths, are allowed), nosniff, no framing, no referrer. Set when the response
/// starts, so answers written by any later middleware get them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; connect-src adds this host's ws:/wss: origin for the ndt7 WebSockets.</summary>
    public static string ContentSecurityPolicy(HostString host, string? basemapOrigin = null)
    {
        var sockets = host.HasValue ? $" ws://{host.Value} wss://{host.Value}" : "";
        var tiles = basemapOrigin is { Length: > 0 } o ? " " + o : "";
        return $"default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:{tiles}; " +
               $"font-src 'self'; connect-src 'self'{sockets}{tiles}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public static void Apply(HttpContext context)
    {
        var h = context.Response.Headers;
        var basemap = (context.RequestServices?.GetService(typeof(DalaWebSettings)) as DalaWebSettings)?.Basemap.ExternalOrigin;
        h.ContentSecurityPolicy = ContentSecurityPolicy(context.Request.Host, basemap);
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h.Remove("Server");
    }

    public static Task Middleware(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
