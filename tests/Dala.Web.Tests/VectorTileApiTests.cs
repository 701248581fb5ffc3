using System.Net;
using System.Text.Json;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Web.Tests.Hygiene;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NtsTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Dala.Web.Tests;

/// <summary>GET /api/tiles/measurements/{z}/{x}/{y}.mvt: the tests as Mapbox vector tiles, read back with NetTopologySuite's reader.</summary>
public sealed class VectorTileApiTests : HygieneApp
{
    private static readonly LonLat Astana = new(71.43, 51.13), Almaty = new(76.9, 43.25);

    private static string Line(string id, LonLat at, double down, int bytes, bool synthetic = false) =>
        $"{{\"id\":\"{id}\",\"time\":\"2026-11-01T10:00:00Z\",\"lon\":{at.Lon},\"lat\":{at.Lat},\"downMbps\":{down},\"bytes\":{bytes},\"durationS\":10,\"source\":\"inspector\"" +
        (synthetic ? ",\"synthetic\":true}\n" : "}\n");

    private async Task Seed()
    {
        // Astana: one valid real test. Almaty: a valid SYNTHETIC test and an invalid one (too little data) in the same spot.
        var body = Line("t-astana", Astana, 80, 9_000_000) + Line("t-almaty", Almaty, 30, 9_000_000, synthetic: true) + Line("t-short", Almaty, 5, 100);
        var posted = JsonDocument.Parse(await (await Http.PostAsync("/api/measurements", Ndjson(body))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, posted.GetProperty("stored").GetInt32());
    }

    private async Task<VectorTile> Tile(int z, int x, int y, string query = "")
    {
        var r = await Http.GetAsync($"/api/tiles/measurements/{z}/{x}/{y}.mvt{query}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", r.Content.Headers.ContentType?.MediaType);
        await using var body = await r.Content.ReadAsStreamAsync();
        return new MapboxTileReader(new GeometryFactory(new PrecisionModel(), 4326)).Read(body, new NtsTile(x, y, z));
    }

    private static (int X, int Y) At(LonLat p, int z) => Quadkey.TileAt(p, z);

    [Fact]
    public async Task A_tile_holds_one_feature_per_cell_with_counts_the_mean_download_and_the_synthetic_label()
    {
        await Seed();
        var (x, y) = At(Astana, 4);
        Assert.Equal((x, y), At(Almaty, 4)); // both in one zoom-4 tile
        var layer = Assert.Single((await Tile(4, x, y)).Layers);
        Assert.Equal("measurements", layer.Name);
        Assert.Equal(2, layer.Features.Count);
        var astana = layer.Features.Single(f => (long)f.Attributes["tests"] == 1);
        var almaty = layer.Features.Single(f => (long)f.Attributes["tests"] == 2);
        var a = (Point)astana.Geometry;
        Assert.Equal(Astana.Lon, a.X, 1);
        Assert.Equal(Astana.Lat, a.Y, 1);
        Assert.Equal((1L, 0L, 80.0, "t-astana"), ((long)astana.Attributes["valid"], (long)astana.Attributes["synthetic"], (double)astana.Attributes["downMbps"],
            (string)astana.Attributes["id"]));
        // Two tests in one cell: one valid (30 Mbit/s, SYNTHETIC), no single id.
        Assert.Equal((1L, 1L, 30.0), ((long)almaty.Attributes["valid"], (long)almaty.Attributes["synthetic"], (double)almaty.Attributes["downMbps"]));
        Assert.False(almaty.Attributes.Exists("id"));
        Assert.Equal(Almaty.Lat, ((Point)almaty.Geometry).Y, 1);
    }

    [Fact]
    public async Task The_filters_are_those_of_the_json_endpoint_and_a_feature_id_finds_its_test_there()
    {
        await Seed();
        var (x, y) = At(Astana, 6);
        var valid = Assert.Single(Assert.Single((await Tile(6, At(Almaty, 6).X, At(Almaty, 6).Y, "?valid=true")).Layers).Features);
        Assert.Equal(("t-almaty", 1L), ((string)valid.Attributes["id"], (long)valid.Attributes["synthetic"]));
        var region = Assert.Single(Assert.Single((await Tile(6, x, y, "?region=KZ-71&source=inspector")).Layers).Features);
        Assert.Equal("t-astana", region.Attributes["id"]);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.GetAsync($"/api/tiles/measurements/6/{x}/{y}.mvt?operator=nobody")).StatusCode);

        var one = JsonDocument.Parse(await Http.GetStringAsync("/api/measurements?id=t-almaty")).RootElement;
        Assert.Equal(("t-almaty", true), (Assert.Single(one.EnumerateArray()).GetProperty("id").GetString(), one[0].GetProperty("synthetic").GetBoolean()));
    }

    [Fact]
    public async Task A_tile_with_nothing_in_it_is_204()
    {
        await Seed();
        var r = await Http.GetAsync("/api/tiles/measurements/4/0/0.mvt");
        Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
        Assert.Empty(await r.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/tiles/roads/4/11/5.mvt", "layer")]
    [InlineData("/api/tiles/measurements/23/0/0.mvt", "z")]
    [InlineData("/api/tiles/measurements/-1/0/0.mvt", "z")]
    [InlineData("/api/tiles/measurements/4/16/5.mvt", "x")]
    [InlineData("/api/tiles/measurements/4/11/abc.mvt", "y")]
    [InlineData("/api/tiles/measurements/4/11/5.mvt?valid=maybe", "valid")]
    [InlineData("/api/tiles/measurements/4/11/5.mvt?limit=3", "limit")]
    [InlineData("/api/tiles/settlements/4/11/5.mvt?kind=castle", "kind")]
    public async Task Bad_input_is_a_problem_naming_it(string url, string field)
    {
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await Http.GetAsync(url), field);
    }
}

/// <summary>GET /api/tiles/settlements/{z}/{x}/{y}.mvt over the national import and its synthetic connectivity scenario.</summary>
public sealed class SettlementTileApiTests(NationalApp app) : IClassFixture<NationalApp>
{
    [Fact]
    public async Task Settlements_in_a_tile_carry_their_status_and_the_synthetic_label_and_honour_the_filters()
    {
        var http = app.Client;
        var page = JsonDocument.Parse(await http.GetStringAsync("/api/settlements?kind=city&pageSize=1000")).RootElement;
        var city = page.GetProperty("items").EnumerateArray().First(s => s.GetProperty("id").GetString() is not null);
        var at = new LonLat(city.GetProperty("lon").GetDouble(), city.GetProperty("lat").GetDouble());
        var (x, y) = Quadkey.TileAt(at, 8);
        var r = await http.GetAsync($"/api/tiles/settlements/8/{x}/{y}.mvt?kind=city");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        await using var body = await r.Content.ReadAsStreamAsync();
        var layer = Assert.Single(new MapboxTileReader().Read(body, new NtsTile(x, y, 8)).Layers);
        Assert.Equal("settlements", layer.Name);
        Assert.All(layer.Features, f => Assert.Equal("city", f.Attributes["kind"]));
        var f = layer.Features.Single(f => (string)f.Attributes["id"] == city.GetProperty("id").GetString());
        Assert.Equal(at.Lon, ((Point)f.Geometry).X, 2);
        Assert.Equal(city.GetProperty("technology").GetString(), f.Attributes["technology"]);
        Assert.True((bool)f.Attributes["synthetic"] == city.GetProperty("synthetic").GetBoolean());
    }
}
