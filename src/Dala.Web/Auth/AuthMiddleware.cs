using Dala.Platform.Audit;
using Dala.Quality.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Auth;

/// <summary>
/// Enforces <see cref="AccessTable"/> on every endpoint: reads the credentials, answers 401 (none, or invalid) or 403
/// (wrong role; a cookie-session write without its anti-forgery header) as problem+json before the handler runs, and
/// records every write (POST, PUT, PATCH, DELETE) in the audit log: actor, method and route, path, the client's /24 or
/// /48 network, the status.
/// </summary>
public sealed class AuthMiddleware(RequestDelegate next, Credentials credentials, Auditor auditor)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // No endpoint (static files), or one that only answers (a 405 for a method the route does not take, marked AllowAnonymous).
        if (http.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            await next(http);
            return;
        }
        var route = endpoint.RoutePattern.RawText ?? "";
        var method = http.Request.Method;
        var access = AccessTable.Find(method, route) ?? Access.For();
        var auth = credentials.Read(http);
        http.Features.Set(auth);
        var write = IsWrite(method);
        try
        {
            if (Refusal(auth, access, write, http) is { } refusal)
            {
                if (refusal.StatusCode == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(statusCode: refusal.StatusCode, title: refusal.Title, detail: refusal.Detail).ExecuteAsync(http);
                return;
            }
            await next(http);
        }
        finally
        {
            if (write) Record(http, method, route);
        }
    }

    private static (int StatusCode, string Title, string Detail)? Refusal(AuthResult auth, Access access, bool write, HttpContext http)
    {
        if (auth.Error is { } error) return (401, "Unauthorized", error);
        if (!access.Allows(auth.Principal))
            return auth.Principal is null
                ? (401, "Unauthorized", "Sign in, or send an API key (Authorization: Bearer KEY).")
                : (403, "Forbidden", $"Role {Platform.Accounts.Roles.WireName(auth.Principal.Role)} may not do this; it needs " +
                                     string.Join(" or ", access.Roles.Select(Platform.Accounts.Roles.WireName)) + ".");
        if (write && auth.Session is { } session && !Sessions.CsrfMatches(session, http.Request.Headers[Sessions.CsrfHeader].ToString()))
            return (403, "Forbidden", $"A signed-in browser's write needs the {Sessions.CsrfHeader} header from /api/auth/me.");
        return null;
    }

    private void Record(HttpContext http, string method, string route)
    {
        // Sign-in attempts name the principal they produced (set by the login handler), others the request's principal.
        var actor = http.Actor();
        var origin = http.Connection.RemoteIpAddress is { } ip ? NetworkAddress.Truncate(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip) : "unknown";
        auditor.Record(actor, $"{method} {AccessTable.Normal(route)}", http.Request.Path + http.Request.QueryString, origin, http.Response.StatusCode);
    }

    public static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
