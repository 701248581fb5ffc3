using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Dala.Web.Http;

/// <summary>
/// A wrong method on an existing API route answers 405 problem+json with an Allow header, not the 404 of the
/// /api fallback. For every API route pattern it adds one endpoint for the methods that pattern does not take; the
/// endpoints are made from the other data sources when routing first asks (after every Map... call), and their
/// order puts them after every real endpoint and before the fallback, so they never shadow a real one.
/// </summary>
public sealed class MethodNotAllowed : EndpointDataSource
{
    public static readonly string[] Methods =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options];

    private readonly ICollection<EndpointDataSource> _sources;
    private readonly Lazy<IReadOnlyList<Endpoint>> _endpoints;

    private MethodNotAllowed(ICollection<EndpointDataSource> sources)
    {
        _sources = sources;
        _endpoints = new(Build);
    }

    public static void Map(IEndpointRouteBuilder app) => app.DataSources.Add(new MethodNotAllowed(app.DataSources));

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints.Value;

    public override IChangeToken GetChangeToken() => NullChangeToken.Singleton;

    private List<Endpoint> Build()
    {
        var routes = _sources.Where(s => s != this).SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.Order < int.MaxValue - 1)
            .Select(e => (Pattern: e.RoutePattern, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(r => r.Methods is { Count: > 0 })
            .GroupBy(r => r.Pattern.RawText!, StringComparer.OrdinalIgnoreCase);
        var endpoints = new List<Endpoint>();
        foreach (var route in routes)
        {
            var allowed = route.SelectMany(r => r.Methods!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var refused = Methods.Where(m => !allowed.Contains(m, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (refused.Length == 0) continue;
            var allow = string.Join(", ", allowed);
            RequestDelegate answer = ctx =>
            {
                ctx.Response.Headers.Allow = allow;
                return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                    detail: $"{ctx.Request.Method} is not allowed here; this resource takes {allow}.").ExecuteAsync(ctx);
            };
            endpoints.Add(new RouteEndpoint(answer, route.First().Pattern, int.MaxValue - 1,
                new EndpointMetadataCollection(new HttpMethodMetadata(refused), new ExcludeFromDescriptionAttribute(), new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute()),
                $"405 {route.Key}"));
        }
        return endpoints;
    }
}
