using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// The headline acceptance of issue 2: on a clean clone, `dala serve` with no store given (no --store, no
/// $DALA_STORE, no dala.json) creates ./dala.db, seeds it from the registry packages, and shows at least 300
/// Kazakhstan settlements, with the scenario labelled synthetic. Runs the real executable as a process.
/// </summary>
public sealed class CleanCloneServeTests : IDisposable
{
    /// <summary>Kazakhstan's extent with a margin: every seeded settlement must lie inside.</summary>
    private const double West = 46, East = 88, South = 40, North = 56;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Serve_without_a_store_seeds_dala_db_in_the_working_folder_and_shows_300_settlements()
    {
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
        var url = $"http://127.0.0.1:{FreePort()}";
        using var serve = Start(_dir.Path, "serve", "--urls", url);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            await Listening(serve, output);
            _ = serve.StandardOutput.ReadToEndAsync();
            Assert.True(File.Exists(_dir.File(StoreOption.DefaultFile)), "no ./dala.db in the working folder:\n" + string.Join('\n', output));
            using var http = new HttpClient { BaseAddress = new Uri(url) };

            var dataset = await Get(http, "/api/dataset");
            var name = dataset.GetProperty("name").GetString()!;
            Assert.Contains("GeoNames cities500", name);
            Assert.Contains("world-atlas", name);
            Assert.True(dataset.GetProperty("synthetic").GetBoolean());
            Assert.Contains("SYNTHETIC", dataset.GetProperty("syntheticNote").GetString());
            Assert.Contains(Path.Combine(_dir.Path, StoreOption.DefaultFile), dataset.GetProperty("store").GetString());

            var settlements = await AllSettlements(http);
            Assert.True(settlements.Count >= 300, $"{settlements.Count} settlements");
            Assert.Equal(settlements.Count, dataset.GetProperty("settlementCount").GetInt32());
            Assert.All(settlements, s =>
            {
                Assert.InRange(s.GetProperty("lon").GetDouble(), West, East);
                Assert.InRange(s.GetProperty("lat").GetDouble(), South, North);
            });
            Assert.Contains(settlements, s => s.GetProperty("synthetic").GetBoolean());
            Assert.All(settlements.Where(s => s.GetProperty("technology").GetString() != "unknown"), s => Assert.True(s.GetProperty("synthetic").GetBoolean()));

            var regions = await Get(http, "/api/regions");
            Assert.True(regions.GetArrayLength() > 0);
            Assert.Equal(settlements.Count, regions.EnumerateArray().Sum(r => r.GetProperty("settlementCount").GetInt32()));
            // The default seed has the country outline and the region list, but no region polygons (README says so).
            Assert.Single((await Get(http, "/api/outline")).GetProperty("features").EnumerateArray());
            Assert.False(dataset.GetProperty("hasRegionPolygons").GetBoolean());
        }
        finally
        {
            serve.Kill(true);
            await serve.WaitForExitAsync();
        }
    }

    private static async Task<List<JsonElement>> AllSettlements(HttpClient http)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var p = await Get(http, $"/api/settlements?page={page}&pageSize=1000");
            all.AddRange(p.GetProperty("items").EnumerateArray());
            if (all.Count >= p.GetProperty("total").GetInt32() || p.GetProperty("items").GetArrayLength() == 0) return all;
        }
    }

    private static async Task<JsonElement> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The dala executable in a working folder, without the variables that would choose a store or the packages for it.</summary>
    private static Process Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dala.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("DALA_STORE");
        psi.Environment.Remove("DALA_NODE_MODULES");
        return Process.Start(psi)!;
    }

    /// <summary>Waits for the "Now listening on" line (the server is ready); fails with the output if the process ends first.</summary>
    private static async Task Listening(Process p, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var stderr = p.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await p.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            output.Enqueue(line);
            if (line.Contains("Now listening on:", StringComparison.Ordinal)) return;
        }
        Assert.Fail("dala serve ended before listening:\n" + string.Join('\n', output) + "\n" + await stderr);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
