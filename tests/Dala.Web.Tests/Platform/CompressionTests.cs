using System.Net;
using System.Net.Http.Headers;

namespace Dala.Web.Tests.Platform;

/// <summary>Text answers are compressed when the client accepts it, and decompress to exactly the uncompressed answer.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompressionTests(PlatformData data)
{
    [Theory]
    [InlineData("gzip", "/api/settlements?format=geojson")]
    [InlineData("br", "/api/settlements?format=geojson")]
    [InlineData("gzip", "/api/regions")]
    [InlineData("gzip", "/api/settlements?format=csv")]
    [InlineData("gzip", "/app.js")]
    public async Task Accepted_encoding_gives_a_smaller_body_with_the_same_content(string encoding, string url)
    {
        await using var app = await data.StartAsync();
        var plain = await app.Client.GetByteArrayAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var r = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(encoding, Assert.Single(r.Content.Headers.ContentEncoding));
        var packed = await r.Content.ReadAsByteArrayAsync();
        Assert.True(packed.Length < plain.Length / 2, $"{packed.Length} bytes compressed, {plain.Length} plain");
        Assert.Equal(plain, CachedBodyTests.Decompress(encoding, packed));
    }

    [Fact]
    public async Task Without_accept_encoding_nothing_is_compressed()
    {
        await using var app = await data.StartAsync();
        var r = await app.Client.GetAsync("/api/regions");
        Assert.Empty(r.Content.Headers.ContentEncoding);
    }
}
