using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Dala.Web.Tests.Platform;

/// <summary>
/// The large cached GeoJSON answers are made and compressed once: every client gets the same arrays, in the coding it
/// accepts, with Vary and a per-coding ETag, and the compressed forms decompress to exactly the identity answer.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CachedBodyTests(PlatformData data)
{
    private const string National = "/api/settlements?format=geojson";

    [Theory]
    [InlineData("br", National)]
    [InlineData("gzip", National)]
    [InlineData("br", "/api/regions?format=geojson")]
    [InlineData("gzip", "/api/regions?format=geojson")]
    public async Task A_precompressed_answer_decompresses_to_exactly_the_identity_answer(string coding, string url)
    {
        await using var app = await data.StartAsync();
        var plain = await Get(app, url, null);
        var packed = await Get(app, url, coding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(coding, Assert.Single(packed.Content.Headers.ContentEncoding));
        var identity = await plain.Content.ReadAsByteArrayAsync();
        var compressed = await packed.Content.ReadAsByteArrayAsync();
        Assert.Equal(compressed.Length, packed.Content.Headers.ContentLength);
        Assert.True(compressed.Length < identity.Length / 3, $"{compressed.Length} bytes {coding}, {identity.Length} plain");
        Assert.Equal(identity, Decompress(coding, compressed));
        foreach (var r in new[] { plain, packed })
        {
            Assert.Equal(["Accept-Encoding"], r.Headers.Vary);
            Assert.Equal("application/geo+json", r.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(plain.Headers.ETag!.Tag.ToString().TrimEnd('"') + "-" + coding + "\"", packed.Headers.ETag!.Tag.ToString());
        Assert.False(packed.Headers.ETag.IsWeak);
    }

    [Fact]
    public async Task Many_requests_in_any_coding_share_one_build_of_the_answer()
    {
        await using var app = await data.StartAsync();
        var cache = app.Get<ViewCache>();
        var first = await (await Get(app, National, "br")).Content.ReadAsByteArrayAsync();
        var builds = cache.Builds;
        var bytes = cache.Bytes;
        foreach (var coding in new[] { "br", null, "gzip", "gzip, br", "br", null })
            Assert.Equal(HttpStatusCode.OK, (await Get(app, National, coding)).StatusCode);
        Assert.Equal(first, await (await Get(app, National, "br")).Content.ReadAsByteArrayAsync());
        Assert.Equal(builds, cache.Builds);
        Assert.Equal(bytes, cache.Bytes);
        Assert.Equal(HttpStatusCode.OK, (await Get(app, National + "&region=KZ-11", "br")).StatusCode);
        Assert.Equal(builds + 1, cache.Builds); // another selection is another answer
    }

    [Fact]
    public async Task An_if_none_match_naming_the_served_form_gets_304_and_another_form_gets_the_body()
    {
        await using var app = await data.StartAsync();
        var br = await Get(app, National, "br");
        var tag = br.Headers.ETag!.Tag.ToString();

        using var same = new HttpRequestMessage(HttpMethod.Get, National);
        same.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        same.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag));
        var notModified = await app.Client.SendAsync(same);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag!.Tag.ToString());

        using var other = new HttpRequestMessage(HttpMethod.Get, National); // the brotli tag does not name the gzip form
        other.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag));
        var full = await app.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(await (await Get(app, National, null)).Content.ReadAsByteArrayAsync(),
            Decompress("gzip", await full.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("gzip, br", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("deflate", null)]
    [InlineData("identity", null)]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("GZIP", "gzip")]
    public void The_coding_follows_accept_encoding(string header, string? expected)
    {
        Assert.True(Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList([header], out var parsed));
        Assert.Equal(expected, CachedBody.Choose(parsed));
    }

    private static async Task<HttpResponseMessage> Get(PlatformApp app, string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
        var r = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return r;
    }

    internal static byte[] Decompress(string coding, byte[] packed)
    {
        using var input = new MemoryStream(packed);
        using Stream unpack = coding == "gzip" ? new GZipStream(input, CompressionMode.Decompress) : new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        unpack.CopyTo(output);
        return output.ToArray();
    }
}
