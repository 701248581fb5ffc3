using System.Net;
using System.Text.Json;
using Dala.Web.Http;

namespace Dala.Web.Tests.Platform;

/// <summary>The view cache stays under its caps however many distinct queries arrive, and queries with the same answer share one entry.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CacheBoundsTests(PlatformData data)
{
    [Fact]
    public async Task Many_distinct_geojson_queries_keep_the_cache_under_its_byte_cap()
    {
        const long cap = 400 * 1024;
        await using var app = await data.StartAsync(s => s with { Limits = PlatformLimits.Default with { ViewCacheBytes = cap } });
        var cache = app.Get<ViewCache>();
        for (var size = 100; size < 160; size++)
        {
            var fc = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/settlements?format=geojson&pageSize={size}")).RootElement;
            Assert.Equal(size, fc.GetProperty("features").GetArrayLength());
            Assert.True(cache.Bytes <= cap, $"{cache.Bytes} bytes cached after pageSize={size}, cap {cap}");
        }
        Assert.True(cache.Count >= 2, "the latest answers are kept");
    }

    [Fact]
    public async Task Many_distinct_queries_keep_the_cache_under_its_entry_cap()
    {
        await using var app = await data.StartAsync(s => s with { Limits = PlatformLimits.Default with { ViewCacheEntries = 5 } });
        var cache = app.Get<ViewCache>();
        for (var size = 1; size <= 30; size++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/settlements?format=geojson&pageSize={size}")).StatusCode);
            Assert.True(cache.Count <= 5, $"{cache.Count} entries after pageSize={size}");
        }
    }

    [Fact]
    public async Task Queries_that_select_the_same_settlements_share_one_entry()
    {
        await using var app = await data.StartAsync();
        var cache = app.Get<ViewCache>();
        var all = await app.Client.GetStringAsync("/api/settlements?format=geojson");
        var entries = cache.Count;
        foreach (var url in new[]
                 {
                     "/api/settlements?format=geojson&pageSize=1000000", "/api/settlements?format=geojson&pageSize=2000000&page=1",
                     "/api/settlements?pageSize=3000000&format=geojson", "/api/settlements?format=geojson&q=",
                 })
            Assert.Equal(all, await app.Client.GetStringAsync(url));
        Assert.Equal(entries, cache.Count);
        var a = await app.Client.GetStringAsync("/api/settlements?format=geojson&region=KZ-11");
        var count = cache.Count;
        Assert.Equal(a, await app.Client.GetStringAsync("/api/settlements?region=KZ-11&q=&format=geojson"));
        Assert.Equal(count, cache.Count);
    }
}
