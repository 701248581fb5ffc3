using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Registry.Import;
using Dala.Registry.Kato;
using Dala.Registry.Scenario;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>`dala serve --store postgres://…` answers exactly as `dala serve` on a SQLite file for the same imports.</summary>
public sealed partial class ServeEquivalenceTests
{
    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    [PostgresFact]
    public async Task Both_stores_serve_the_same_answers()
    {
        using var sqlite = TestStore.Create(TestStore.Sqlite);
        using var pg = TestStore.Create(TestStore.Postgres);
        foreach (var t in new[] { sqlite, pg })
        {
            Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
            Assert.True(new SettlementImporter(t.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
            Assert.True(new KatoImporter(t.Store, Clock).Import(SharedData.Kato).Report.Committed);
            new SyntheticScenario(t.Store, Clock).Seed(5);
        }
        await using var a = await Server.StartAsync(sqlite.Spec);
        await using var b = await Server.StartAsync(pg.Spec);
        var ids = sqlite.Store.ReadSnapshot().Settlements.Where((_, i) => i % 500 == 0).Select(s => s.Id);
        var urls = new[]
        {
            "/api/progress", "/api/progress?scope=all", "/api/progress?region=KZ-61", "/api/progress?format=csv",
            "/api/settlements", "/api/settlements?page=4&pageSize=1000", "/api/settlements?format=geojson", "/api/settlements?format=csv",
            "/api/settlements?region=KZ-11,KZ-15&technology=fibre,4G&kind=village", "/api/settlements?bbox=68.5,42,70.5,43.5",
            "/api/settlements?q=%D0%B0%D0%BA%D0%BA%D0%BE%D0%BB", "/api/regions", "/api/regions?format=geojson", "/api/operators",
            "/api/regions/at?lon=71.43&lat=51.13", "/api/settlements/nearest?lon=69.6&lat=42.3&count=25",
        }.Concat(ids.Select(id => "/api/settlements/" + id));
        foreach (var url in urls)
        {
            var (x, y) = (await a.Http.GetStringAsync(url), await b.Http.GetStringAsync(url));
            Assert.True(x.Length > 2, url);
            if (url.Contains("nearest", StringComparison.Ordinal)) AssertNearestSame(x, y);
            else Assert.True(x == y, $"{url} differs:\nsqlite:   {x[..Math.Min(300, x.Length)]}\npostgres: {y[..Math.Min(300, y.Length)]}");
        }
    }

    private static void AssertNearestSame(string x, string y)
    {
        var (a, b) = (JsonDocument.Parse(x).RootElement, JsonDocument.Parse(y).RootElement);
        Assert.Equal(a.GetArrayLength(), b.GetArrayLength());
        foreach (var (p, q) in a.EnumerateArray().Zip(b.EnumerateArray()))
        {
            Assert.Equal(p.GetProperty("settlement").GetRawText(), q.GetProperty("settlement").GetRawText());
            Assert.Equal(p.GetProperty("distanceKm").GetDouble(), q.GetProperty("distanceKm").GetDouble(), 9);
        }
    }

    /// <summary>A `dala serve` process on a free loopback port.</summary>
    private sealed partial class Server : IAsyncDisposable
    {
        private readonly Process _process;

        private Server(Process process, string url)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = new Uri(url) };
        }

        public HttpClient Http { get; }

        public static async Task<Server> StartAsync(string store)
        {
            var p = KillDuringImportTests.Start("serve", "--store", store, "--urls", "http://127.0.0.1:0");
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < TimeSpan.FromSeconds(60))
            {
                var line = await p.StandardOutput.ReadLineAsync();
                if (line is null) break;
                var m = Listening().Match(line);
                if (m.Success) return new Server(p, m.Groups[1].Value);
            }
            p.Kill(true);
            throw new InvalidOperationException("dala serve did not start: " + await p.StandardError.ReadToEndAsync());
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            _process.Kill(true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
        private static partial Regex Listening();
    }
}
