using System.Net;
using System.Text;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Tests.Platform;

/// <summary>Writes take only their media types (415) and bodies up to their limit (413); a slow upload is 408, never 500.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestBodyTests(PlatformData data)
{
    private const string Line = "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88,\"source\":\"inspector\"}\n";

    [Theory]
    [InlineData("/api/measurements", "text/plain")]
    [InlineData("/api/measurements", "application/x-www-form-urlencoded")]
    [InlineData("/api/measurements", "multipart/form-data; boundary=x")]
    [InlineData("/api/measurements", null)]
    [InlineData("/api/quality/claims", "text/plain")]
    [InlineData("/api/quality/cases", "text/plain")]
    [InlineData("/api/quality/obligations", "application/x-www-form-urlencoded")]
    [InlineData("/api/quality/challenges", "text/plain")]
    [InlineData("/api/quality/challenges/1/answer", "text/csv")]
    [InlineData("/api/plans", "text/plain")]
    public async Task A_write_in_another_media_type_is_415(string url, string? type)
    {
        await using var app = await data.StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Line));
        if (type is not null) content.Headers.TryAddWithoutValidation("Content-Type", type);
        var problem = await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await app.Client.PostAsync(url, content));
        Assert.Contains("takes", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/x-ndjson; charset=utf-8")]
    [InlineData("application/json")]
    public async Task Measurements_in_their_media_types_are_taken(string type)
    {
        await using var app = await data.StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Line));
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync("/api/measurements", content)).StatusCode);
    }

    [Fact]
    public async Task A_declared_body_over_the_endpoint_limit_is_413_before_reading()
    {
        await using var app = await data.StartAsync();
        var big = "{\"actor\":\"" + new string('x', 70 * 1024) + "\"}";
        var problem = await ProblemAssert.Is(HttpStatusCode.RequestEntityTooLarge,
            await app.Client.PostAsync("/api/quality/cases", new StringContent(big, Encoding.UTF8, "application/json")));
        Assert.Contains("64 KiB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        await using var app = await data.StartAsync(s => s with { MaxBatchBytes = 1024 });
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Line, 40)))));
        content.Headers.ContentType = new("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await ProblemAssert.Is(HttpStatusCode.RequestEntityTooLarge, await app.Client.SendAsync(request));
    }

    [Fact]
    public async Task A_write_endpoint_without_a_policy_of_its_own_takes_json_up_to_the_default()
    {
        await using var app = await data.StartAsync(s => s with { Limits = PlatformLimits.Default with { DefaultBodyBytes = 100 } },
            a => a.MapPost("/api/test/echo", async (HttpRequest r) => Results.Ok(await new StreamReader(r.Body).ReadToEndAsync())));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync("/api/test/echo", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await app.Client.PostAsync("/api/test/echo", new StringContent("{}", Encoding.UTF8, "text/plain")));
        await ProblemAssert.Is(HttpStatusCode.RequestEntityTooLarge,
            await app.Client.PostAsync("/api/test/echo", new StringContent("\"" + new string('x', 200) + "\"", Encoding.UTF8, "application/json")));
    }

    private static IResult Refuse(int status) =>
        throw new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", status);

    /// <summary>Kestrel's minimum data rate throws BadHttpRequestException(408) inside the handler's read: a 408 problem, not a 500.</summary>
    [Theory]
    [InlineData(StatusCodes.Status408RequestTimeout, HttpStatusCode.RequestTimeout)]
    [InlineData(StatusCodes.Status413PayloadTooLarge, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Kestrel_refusals_while_reading_are_problems_with_their_status(int status, HttpStatusCode expected)
    {
        await using var app = await data.StartAsync(map: a => a.MapPost("/api/test/read", (HttpRequest _) => Refuse(status)));
        var problem = await ProblemAssert.Is(expected, await app.Client.PostAsync("/api/test/read", new StringContent("{}", Encoding.UTF8, "application/json")));
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString());
    }
}
