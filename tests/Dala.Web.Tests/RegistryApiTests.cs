using System.Net;
using System.Text.Json;
using Dala.Registry.Model;
using Dala.Registry.Scenario;

namespace Dala.Web.Tests;

public class RegistryApiTests(NationalApp app) : IClassFixture<NationalApp>
{
    private async Task<JsonElement> Json(string url)
    {
        var r = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Regions_are_an_array_with_code_name_and_settlement_count()
    {
        var regions = await Json("/api/regions");
        Assert.Equal(JsonValueKind.Array, regions.ValueKind);
        Assert.Equal(20, regions.GetArrayLength());
        Assert.All(regions.EnumerateArray(), r =>
        {
            Assert.Matches("^KZ-[0-9]{2}$", r.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString()));
        });
        Assert.Equal(7098, regions.EnumerateArray().Sum(r => r.GetProperty("settlementCount").GetInt32()));
        var akmola = regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "KZ-11");
        Assert.Equal(663, akmola.GetProperty("settlementCount").GetInt32());
        Assert.Equal("Ақмола облысы", akmola.GetProperty("names").GetProperty("kk").GetString());
    }

    [Fact]
    public async Task Settlements_as_geojson_are_a_feature_collection_of_every_match_labelled_synthetic()
    {
        var fc = await Json("/api/settlements?format=geojson");
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        Assert.True(fc.GetProperty("synthetic").GetBoolean());
        var features = fc.GetProperty("features");
        Assert.Equal(7098, features.GetArrayLength());
        var f = features[0];
        Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString());
        Assert.True(f.GetProperty("properties").GetProperty("synthetic").GetBoolean());
    }

    [Fact]
    public async Task Filters_and_paging_agree_with_each_other()
    {
        var all = await Json("/api/settlements?region=KZ-11&kind=village,hamlet&pageSize=1000");
        var total = all.GetProperty("total").GetInt32();
        Assert.InRange(total, 1, 663);
        Assert.All(all.GetProperty("items").EnumerateArray(), s =>
        {
            Assert.Equal("KZ-11", s.GetProperty("region").GetString());
            Assert.Contains(s.GetProperty("kind").GetString(), new[] { "village", "hamlet" });
        });
        var fibre = (await Json("/api/settlements?region=KZ-11&kind=village,hamlet&technology=fibre")).GetProperty("total").GetInt32();
        var notFibre = (await Json("/api/settlements?region=KZ-11&kind=village,hamlet&technology=5G,4G,fixed-wireless,satellite,3G,none,unknown")).GetProperty("total").GetInt32();
        Assert.Equal(total, fibre + notFibre);
        var page2 = await Json("/api/settlements?region=KZ-11&kind=village,hamlet&page=2&pageSize=10");
        Assert.Equal(10, page2.GetProperty("items").GetArrayLength());
        Assert.Equal(all.GetProperty("items")[10].GetProperty("id").GetString(), page2.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Settlement_detail_has_history_oldest_first_and_a_status()
    {
        var page = await Json("/api/settlements?technology=fibre&kind=village&pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        var s = await Json($"/api/settlements/{id}");
        Assert.Equal("fibre", s.GetProperty("status").GetProperty("technology").GetString());
        var dates = s.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("asOf").GetString()).ToArray();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(s.GetProperty("history").EnumerateArray(), h => Assert.True(h.GetProperty("synthetic").GetBoolean()));
    }

    [Fact]
    public async Task Unknown_settlement_is_a_404_problem()
    {
        var r = await app.Client.GetAsync("/api/settlements/osm-0");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Progress_national_rural_fibre_share_is_the_published_share()
    {
        var p = await Json("/api/progress");
        var national = p.GetProperty("national");
        var rural = app.Store.ReadSnapshot().Settlements.Count(s => s.Kind.IsRural());
        Assert.Equal(rural, national.GetProperty("settlements").GetInt32());
        Assert.Equal(SyntheticScenario.FibreTarget(rural), national.GetProperty("fibre").GetProperty("settlements").GetInt32());
        Assert.Equal(2606.0 / 6179, national.GetProperty("fibre").GetProperty("share").GetDouble(), 3);
        Assert.Equal(rural, p.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("settlements").GetInt32()));
        Assert.True(p.GetProperty("synthetic").GetBoolean());
        Assert.Equal(2, p.GetProperty("targets").GetArrayLength());
        var timeline = p.GetProperty("timeline");
        Assert.True(timeline.GetArrayLength() > 12);
        Assert.Equal(national.GetProperty("fibre").GetProperty("share").GetDouble(), timeline[timeline.GetArrayLength() - 1].GetProperty("fibre").GetDouble(), 9);
    }

    [Fact]
    public async Task Csv_export_has_a_synthetic_column_and_a_download_name()
    {
        var r = await app.Client.GetAsync("/api/settlements?format=csv&region=KZ-71");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("synthetic", r.Content.Headers.ContentDisposition?.FileName ?? "");
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,", lines[0]);
        Assert.EndsWith(",synthetic", lines[0]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Nearest_settlements_and_region_at_a_point_come_from_the_store()
    {
        var near = await Json("/api/settlements/nearest?lon=71.43&lat=51.13&count=5");
        Assert.Equal(5, near.GetArrayLength());
        var d = near.EnumerateArray().Select(n => n.GetProperty("distanceKm").GetDouble()).ToArray();
        Assert.Equal(d.Order(), d);
        Assert.True(d[0] < 20, $"{d[0]} km");
        var region = await Json("/api/regions/at?lon=71.43&lat=51.13");
        Assert.Equal("KZ-71", region.GetProperty("code").GetString());
        var outside = await app.Client.GetAsync("/api/regions/at?lon=37.6&lat=55.75");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        var box = await Json("/api/settlements?bbox=68.5,42,70.5,43.5&pageSize=1000");
        Assert.All(box.GetProperty("items").EnumerateArray(), s =>
        {
            Assert.InRange(s.GetProperty("lon").GetDouble(), 68.5, 70.5);
            Assert.InRange(s.GetProperty("lat").GetDouble(), 42, 43.5);
        });
        Assert.True(box.GetProperty("total").GetInt32() > 50);
    }
}
