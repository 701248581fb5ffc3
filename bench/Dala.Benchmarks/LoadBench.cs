using System.Diagnostics;
using System.Globalization;

namespace Dala.Benchmarks;

/// <summary>
/// N concurrent HTTP clients for S seconds against a running `dala serve`, one endpoint after another; prints
/// `name: p50=… p99=… errors=… rps=…` per endpoint (latencies in ms; an error is a failed request or a status other
/// than 2xx, 429 counted apart as `limited`) and, given the server's pid, its peak RSS (VmHWM).
/// </summary>
public static class LoadBench
{
    public static readonly (string Name, string Path)[] Endpoints =
    [
        ("progress", "/api/progress"),
        ("regions", "/api/regions"),
        ("settlements-geojson", "/api/settlements?format=geojson"),
    ];

    // load URL [clients] [seconds] [server-pid]
    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = new Uri(args.Length > 1 ? args[1] : "http://127.0.0.1:8080");
        var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        int? pid = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = System.Net.DecompressionMethods.All };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(120) };
        foreach (var (name, path) in Endpoints)
        {
            var (latencies, errors, limited, wall) = await RunOne(http, path, clients, TimeSpan.FromSeconds(seconds));
            latencies.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"{name}: p50={Percentile(latencies, 0.5):F1}ms p99={Percentile(latencies, 0.99):F1}ms errors={errors} limited={limited} rps={latencies.Count / wall.TotalSeconds:F0}"));
        }
        if (pid is { } p) Console.WriteLine($"server peak RSS: {PeakRss(p)}");
        return 0;
    }

    private static async Task<(List<double> Latencies, int Errors, int Limited, TimeSpan Wall)> RunOne(HttpClient http, string path, int clients, TimeSpan duration)
    {
        var latencies = new List<double>();
        int errors = 0, limited = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (wall.Elapsed < duration)
            {
                var t = Stopwatch.StartNew();
                try
                {
                    using var r = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if ((int)r.StatusCode == 429) Interlocked.Increment(ref limited);
                    else if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                    else mine.Add(t.Elapsed.TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            lock (latencies) latencies.AddRange(mine);
        }));
        return (latencies, errors, limited, wall.Elapsed);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string PeakRss(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return "unknown (no /proc)";
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "unknown" : line["VmHWM:".Length..].Trim();
    }
}
