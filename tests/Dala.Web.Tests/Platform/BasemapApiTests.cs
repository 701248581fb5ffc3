using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dala.Testing;
using Dala.Web.Basemap;

namespace Dala.Web.Tests.Platform;

/// <summary>GET /api/basemap says which base the maps draw; /basemap/tiles.pmtiles serves the archive by byte ranges.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BasemapApiTests(PlatformData data) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Archive(byte tileType = 2)
    {
        var path = _dir.File(tileType == 2 ? "base.pmtiles" : "vector.pmtiles");
        File.WriteAllBytes(path, PmTilesArchive.Raster(PmTilesArchive.SolidPng(250, 200, 120), 6, tileType));
        return path;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Without_a_basemap_the_maps_draw_the_offline_base_and_there_is_no_archive()
    {
        await using var app = await data.StartAsync();
        var config = await Json(await app.Client.GetAsync("/api/basemap"));
        Assert.Equal("offline", config.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("url").ValueKind);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.GetAsync(BasemapSource.PmTilesRoute));
    }

    [Fact]
    public async Task A_raster_archive_is_described_and_served_by_ranges()
    {
        var path = Archive();
        var bytes = await File.ReadAllBytesAsync(path);
        await using var app = await data.StartAsync(s => s with { Basemap = BasemapSource.Parse(path) });
        var config = await Json(await app.Client.GetAsync("/api/basemap"));
        Assert.Equal("pmtiles", config.GetProperty("kind").GetString());
        Assert.Equal(BasemapSource.PmTilesRoute, config.GetProperty("url").GetString());
        Assert.Equal("png", config.GetProperty("tileType").GetString());
        Assert.True(config.GetProperty("raster").GetBoolean());
        Assert.Equal(6, config.GetProperty("maxZoom").GetInt32());

        // What the pmtiles client asks first: 16 KiB from the start, more than the file has: cut to its end.
        var first = await Range(app.Client, "bytes=0-16383");
        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal($"bytes 0-{bytes.Length - 1}/{bytes.Length}", first.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", string.Join(",", first.Headers.AcceptRanges));

        var middle = await Range(app.Client, "bytes=127-131");
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal($"bytes 127-131/{bytes.Length}", middle.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[127..132], await middle.Content.ReadAsByteArrayAsync());

        var suffix = await Range(app.Client, "bytes=-10");
        Assert.Equal(HttpStatusCode.PartialContent, suffix.StatusCode);
        Assert.Equal(bytes[^10..], await suffix.Content.ReadAsByteArrayAsync());

        var whole = await app.Client.GetAsync(BasemapSource.PmTilesRoute);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=999999-")]
    [InlineData("bytes=10-5")]
    [InlineData("bytes=0-1,5-9")]
    [InlineData("items=0-10")]
    [InlineData("bytes=abc")]
    public async Task A_range_that_cannot_be_served_is_416_as_a_problem(string range)
    {
        var path = Archive();
        var length = new FileInfo(path).Length;
        await using var app = await data.StartAsync(s => s with { Basemap = BasemapSource.Parse(path) });
        var r = await Range(app.Client, range);
        var problem = await ProblemAssert.Is(HttpStatusCode.RequestedRangeNotSatisfiable, r);
        Assert.Contains("Range", problem.GetProperty("detail").GetString() ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"bytes */{length}", r.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task An_mvt_archive_is_described_as_vector_tiles_to_draw()
    {
        var path = Archive(tileType: 1);
        await using var app = await data.StartAsync(s => s with { Basemap = BasemapSource.Parse(path) });
        var config = await Json(await app.Client.GetAsync("/api/basemap"));
        Assert.Equal("mvt", config.GetProperty("tileType").GetString());
        Assert.False(config.GetProperty("raster").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task An_mlt_archive_is_served_but_said_not_drawn()
    {
        var path = Archive(tileType: 6);
        await using var app = await data.StartAsync(s => s with { Basemap = BasemapSource.Parse(path) });
        var config = await Json(await app.Client.GetAsync("/api/basemap"));
        Assert.Equal("mlt", config.GetProperty("tileType").GetString());
        Assert.Contains("offline base", config.GetProperty("note").GetString());
    }

    [Fact]
    public async Task An_xyz_template_is_passed_on_and_its_origin_allowed_for_images()
    {
        const string template = "https://tiles.example.org/osm/{z}/{x}/{y}.png";
        await using var app = await data.StartAsync(s => s with { Basemap = BasemapSource.Parse(template) });
        var r = await app.Client.GetAsync("/api/basemap");
        var config = await Json(r);
        Assert.Equal("xyz", config.GetProperty("kind").GetString());
        Assert.Equal(template, config.GetProperty("url").GetString());
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://tiles.example.org;", csp);
    }

    [Theory]
    [InlineData("https://t.example.org/{z}/{x}.png", "needs all of")]
    [InlineData("ftp://t.example.org/style.json", "only http and https")]
    [InlineData("no-such-file.pmtiles", "no such file")]
    public void A_bad_value_is_refused_in_one_line_naming_it(string value, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => BasemapSource.Parse(value, p => Path.Combine(_dir.Path, p)));
        Assert.StartsWith($"--basemap {value}: ", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_pmtiles_archive_is_refused()
    {
        var path = _dir.File("tiles.pmtiles");
        File.WriteAllText(path, "not an archive at all, but long enough to have a header of one hundred and twenty-seven bytes " + new string('x', 200));
        var e = Assert.Throws<ArgumentException>(() => BasemapSource.Parse(path));
        Assert.Contains("does not start with \"PMTiles\"", e.Message);
    }

    private static Task<HttpResponseMessage> Range(HttpClient client, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, BasemapSource.PmTilesRoute);
        request.Headers.TryAddWithoutValidation("Range", range);
        return client.SendAsync(request);
    }
}
