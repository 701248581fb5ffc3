using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dala.Web.Tests.Hygiene;

/// <summary>Every GET endpoint refuses an unknown query parameter and impossible dates alike: 400 problem+json naming the parameter.</summary>
public sealed partial class QueryParameterTests : HygieneApp
{
    /// <summary>Every GET path of the OpenAPI document, path parameters filled in (ndt7 WebSockets and static files are not in it).</summary>
    private async Task<string[]> GetPaths()
    {
        var doc = JsonDocument.Parse(await Http.GetStringAsync("/openapi/v1.json")).RootElement;
        return [.. doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _) && !p.Name.StartsWith("/api/ndt7", StringComparison.Ordinal))
            .Select(p => PathParameter().Replace(p.Name, "1"))];
    }

    [Fact]
    public async Task Every_get_endpoint_refuses_an_unknown_parameter()
    {
        var paths = await GetPaths();
        Assert.True(paths.Length > 40, $"only {paths.Length} GET paths");
        var wrong = new List<string>();
        foreach (var path in paths)
        {
            var r = await Http.GetAsync(path + "?zzz=1");
            var body = await r.Content.ReadAsStringAsync();
            if (r.StatusCode != HttpStatusCode.BadRequest || r.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains("\"zzz\"", StringComparison.Ordinal))
                wrong.Add($"{path}: {(int)r.StatusCode} {body[..Math.Min(body.Length, 120)]}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("/api/quality/aggregates?month=2026-13", "month")]
    [InlineData("/api/quality/aggregates?month=2026-00", "month")]
    [InlineData("/api/quality/aggregates?month=26-01", "month")]
    [InlineData("/api/quality/rankings?month=2026-13", "month")]
    [InlineData("/api/quality/trend?from=2026-02&to=2026-14", "to")]
    [InlineData("/api/quality/opendata/tiles?from=2026-99", "from")]
    [InlineData("/api/quality/verdicts?from=2026-02-30&to=2026-03-01", "from")]
    [InlineData("/api/quality/verdicts?from=2026-02-01&to=2026-13-01", "to")]
    [InlineData("/api/quality/claims?asOf=2026-02-30", "asOf")]
    public async Task Impossible_months_and_days_are_400_naming_the_parameter(string url, string parameter) =>
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await Http.GetAsync(url), parameter);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
