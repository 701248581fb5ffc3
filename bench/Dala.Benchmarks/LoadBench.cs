using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Dala.Benchmarks;

/// <summary>
/// Load on a running `dala serve` over loopback (bench/load-bench.sh starts one):
/// <c>load BASE_URL SERVER_PID [CLIENTS] [SECONDS] [PARTS]</c> runs CLIENTS concurrent clients for SECONDS on each of
/// /api/progress, /api/regions and the national GeoJSON, one endpoint after the other (PARTS has "http"), then 100
/// concurrent ndt7 downloads while 64 idle WebSockets are held open (PARTS has "ndt7"; default both). Each ndt7 test and
/// each idle socket connects from its own loopback address, 127.0.N.1 (Linux answers all of 127.0.0.0/8), so the
/// server's per-address limit sees 164 clients, as it would in the field. Prints one line per part:
/// <c>load-progress: clients=... requests=... rps=... p50_ms=... p99_ms=... max_ms=... errors=... server_rss_mb=... load1=...</c>,
/// and <c>ndt7-load: tests=100 completed=... failed=... turned_away=... idle_held=64 server_rss_mb=... load1=...</c>.
/// A 503 with Retry-After (capacity) is retried after that delay and counted as turned away; a test that never
/// completes within 5 minutes is failed. server_rss_mb is the server's peak resident memory so far (VmHWM); load1 the
/// machine's one-minute load average at the end of the part (the server and this generator share the machine).
/// </summary>
public static class LoadBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var baseUri = new Uri(args[1]);
        var pid = int.Parse(args[2], CultureInfo.InvariantCulture);
        var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        var seconds = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 60;
        var parts = args.Length > 5 ? args[5].Split(',') : ["http", "ndt7"];
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");
        if (parts.Contains("http"))
        {
            foreach (var (name, path) in new[]
                     {
                         ("load-progress", "/api/progress"), ("load-regions", "/api/regions"),
                         ("load-geojson", "/api/settlements?format=geojson"),
                     })
            {
                await HttpPartAsync(http, name, path, clients, TimeSpan.FromSeconds(seconds), pid);
            }
        }
        if (parts.Contains("ndt7")) await Ndt7PartAsync(baseUri, pid);
        return 0;
    }

    private static async Task HttpPartAsync(HttpClient http, string name, string path, int clients, TimeSpan length, int pid)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var end = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (end.Elapsed < length)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Floor(q * all.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: clients={clients} seconds={end.Elapsed.TotalSeconds:F0} requests={all.Length} rps={all.Length / end.Elapsed.TotalSeconds:F0} " +
            $"p50_ms={P(0.5):F1} p99_ms={P(0.99):F1} max_ms={(all.Length > 0 ? all[^1] : double.NaN):F1} errors={errors} server_rss_mb={PeakMb(pid)} load1={Load1()}"));
    }

    private static async Task Ndt7PartAsync(Uri baseUri, int pid)
    {
        var ws = new UriBuilder(baseUri) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws" }.Uri;
        var download = new Uri(ws, "/ndt/v7/download?client_name=dala-load-bench");
        var idle = new List<ClientWebSocket>();
        var idleFrom = Enumerable.Range(101, 64).Select(From).ToArray();
        for (var i = 0; i < 64; i++)
        {
            var s = Socket();
            try { await s.ConnectAsync(download, idleFrom[i], CancellationToken.None); } catch (WebSocketException) { }
            idle.Add(s); // never read: it holds a slot until the server lets it go
        }
        int completed = 0, failed = 0, turnedAway = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, 100).Select(async n =>
        {
            using var from = From(n);
            while (deadline.Elapsed < TimeSpan.FromMinutes(5))
            {
                using var s = Socket();
                try
                {
                    await s.ConnectAsync(download, from, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    if (s.HttpStatusCode == HttpStatusCode.ServiceUnavailable || (int)s.HttpStatusCode == 429)
                    {
                        Interlocked.Increment(ref turnedAway);
                        var after = s.HttpResponseHeaders?.TryGetValue("Retry-After", out var v) == true &&
                                    int.TryParse(v.FirstOrDefault(), CultureInfo.InvariantCulture, out var sec) ? sec : 5;
                        await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(after, 1, 30)));
                        continue;
                    }
                    break;
                }
                if (await DrainAsync(s)) { Interlocked.Increment(ref completed); return; }
                break;
            }
            Interlocked.Increment(ref failed);
        }));
        foreach (var s in idle) s.Abort();
        foreach (var f in idleFrom) f.Dispose();
        Console.WriteLine($"ndt7-load: tests=100 completed={completed} failed={failed} turned_away={turnedAway} idle_held=64 " +
                          $"seconds={deadline.Elapsed.TotalSeconds:F0} server_rss_mb={PeakMb(pid)} load1={Load1()}");
    }

    /// <summary>An HTTP stack whose connections leave from 127.0.N.1 (N in 1..254): client N of the bench.</summary>
    private static HttpMessageInvoker From(int n) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(new IPAddress([127, 0, (byte)n, 1]), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    private static string Load1()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Reads a download to the server's Close and answers it: true for a normal end.</summary>
    private static async Task<bool> DrainAsync(ClientWebSocket s)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                var r = await s.ReceiveAsync(buffer, CancellationToken.None);
                if (r.MessageType != WebSocketMessageType.Close) continue;
                await s.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
                return s.CloseStatus == WebSocketCloseStatus.NormalClosure;
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return false;
        }
    }

    private static ClientWebSocket Socket()
    {
        var s = new ClientWebSocket();
        s.Options.AddSubProtocol("net.measurementlab.ndt.v7");
        s.Options.CollectHttpResponseDetails = true;
        return s;
    }

    private static long PeakMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
