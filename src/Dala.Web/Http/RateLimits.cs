using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Http;

/// <summary>Marks an endpoint as expensive (CPU-heavy or reading many rows): it runs under the server-wide concurrency limit.</summary>
public sealed class ExpensiveWork
{
    public static readonly ExpensiveWork Instance = new();
}

/// <summary>
/// ASP.NET Core rate limiting as one global chained limiter, so no endpoint needs its own call: (1) per client, a
/// token bucket for writes and one for expensive reads; (2) server-wide, a concurrency limiter for expensive work.
/// Which endpoints are expensive: those carrying <see cref="ExpensiveWork"/> and those named in <see cref="Expensive"/>.
/// The client is the signed-in user's name when there is one, else the remote address.
/// </summary>
public static class RateLimits
{
    public static readonly IReadOnlySet<string> Expensive = new HashSet<string>(StringComparer.Ordinal)
    {
        "PostPlan", "GetVerdicts", "GetVerdictEvidence", "GetClaims",
        "GetQualityRankings", "GetQualityTrend", "GetQualityOpenDataTiles", "GetSampleSize",
    };

    public enum Kind { Free, Write, Expensive }

    public static Kind Classify(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ExpensiveWork>() is not null
            || (endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && Expensive.Contains(name.EndpointName))) return Kind.Expensive;
        var m = context.Request.Method;
        if (endpoint is not null && (HttpMethods.IsPost(m) || HttpMethods.IsPut(m) || HttpMethods.IsPatch(m) || HttpMethods.IsDelete(m))) return Kind.Write;
        return Kind.Free;
    }

    /// <summary>Who is asking: the authenticated identity's name, else the remote address.</summary>
    public static string Client(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? "user:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public static IServiceCollection AddDalaLimits(this IServiceCollection services, PlatformLimits limits)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Classify(ctx) switch
        {
            Kind.Write => RateLimitPartition.GetTokenBucketLimiter("write " + Client(ctx), _ => Bucket(limits.WriteBurst, limits.WritesPerMinute)),
            Kind.Expensive => RateLimitPartition.GetTokenBucketLimiter("expensive " + Client(ctx), _ => Bucket(limits.ExpensiveBurst, limits.ExpensivePerMinute)),
            _ => RateLimitPartition.GetNoLimiter(""),
        });
        var server = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Classify(ctx) == Kind.Expensive
            ? RateLimitPartition.GetConcurrencyLimiter("expensive", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ExpensiveConcurrency, QueueLimit = limits.ExpensiveQueue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter(""));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, server);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) => Reject(ctx, limits);
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst, TokensPerPeriod = 1, QueueLimit = 0, AutoReplenishment = true,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
    };

    private static ValueTask Reject(OnRejectedContext rejected, PlatformLimits limits)
    {
        var ctx = rejected.HttpContext;
        var busy = !rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
        var seconds = busy ? limits.BusyRetryAfterSeconds : Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = busy
            ? $"The server is already running its {limits.ExpensiveConcurrency} expensive requests with {limits.ExpensiveQueue} waiting; nothing was done. Retry after {seconds} s."
            : $"Too many requests of this kind from you; nothing was done. Retry after {seconds} s.";
        return new(Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail).ExecuteAsync(ctx));
    }
}
