using System.Net;
using System.Text.Json;

namespace Dala.Web.Tests;

internal static class ProblemAssert
{
    /// <summary>The answer is a problem+json with this status; returns the problem.</summary>
    public static async Task<JsonElement> Is(HttpStatusCode status, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>A validation problem naming these fields among its errors.</summary>
    public static async Task<JsonElement> Names(HttpStatusCode status, HttpResponseMessage response, params string[] fields)
    {
        var problem = await Is(status, response);
        var errors = problem.GetProperty("errors");
        foreach (var f in fields) Assert.True(errors.TryGetProperty(f, out _), $"errors do not name {f}: {errors}");
        return problem;
    }
}
