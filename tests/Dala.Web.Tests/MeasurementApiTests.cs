using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Web.Tests.Hygiene;

namespace Dala.Web.Tests;

/// <summary>POST /api/measurements: every line answered, bad batches refused cleanly, the server stays up.</summary>
public sealed class MeasurementApiTests : HygieneApp
{
    protected override DalaWebSettings Configure(DalaWebSettings settings) =>
        settings with { MaxBatchBytes = 64 * 1024, MaxBatchLines = 100, IntakeTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task Each_line_gets_its_answer_and_nothing_disappears()
    {
        var body = "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88,\"source\":\"inspector\"}\n" +
                   "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":-1}\n" +
                   "{not json\n" +
                   "{\"time\":\"2026-11-01T10:00:00Z\",\"lat\":200,\"lon\":1,\"downMbps\":5}\n" +
                   "{\"time\":\"2026-11-01T10:00:00Z\",\"upMbps\":10000001}\n";
        var r = await Http.PostAsync("/api/measurements", Ndjson(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((5, 1, 4), (json.GetProperty("lines").GetInt32(), json.GetProperty("stored").GetInt32(), json.GetProperty("quarantined").GetInt32()));
        var results = json.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3, 4, 5], results.Select(x => x.GetProperty("line").GetInt32()));
        Assert.Equal("stored", results[0].GetProperty("status").GetString());
        Assert.All(results[1..], x => Assert.Equal("quarantined", x.GetProperty("status").GetString()));
        Assert.Contains("negative", results[1].GetProperty("reasons")[0].GetString());
        var quarantine = JsonDocument.Parse(await Http.GetStringAsync("/api/measurements/quarantine")).RootElement;
        Assert.Equal(4, quarantine.GetArrayLength());
        var stored = JsonDocument.Parse(await Http.GetStringAsync("/api/measurements")).RootElement;
        Assert.Equal("KZ-71", stored[0].GetProperty("region").GetString());
    }

    [Fact]
    public async Task The_summary_says_how_many_tests_and_valid_tests_are_synthetic()
    {
        static string Line(string id, int bytes, bool synthetic) =>
            $"{{\"id\":\"{id}\",\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":40,\"bytes\":{bytes},\"durationS\":10,\"source\":\"ndt7-client\"" +
            (synthetic ? ",\"synthetic\":true}\n" : "}\n");
        var body = Line("syn-1", 9_000_000, true) + Line("syn-2", 9_000_000, true) + Line("syn-short", 100, true) + Line("real-1", 9_000_000, false);
        var posted = JsonDocument.Parse(await (await Http.PostAsync("/api/measurements", Ndjson(body))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, posted.GetProperty("stored").GetInt32());

        var summary = JsonDocument.Parse(await Http.GetStringAsync("/api/quality/summary")).RootElement;
        Assert.Equal((4L, 3L, 1L), (summary.GetProperty("measurements").GetInt64(), summary.GetProperty("valid").GetInt64(), summary.GetProperty("invalid").GetInt64()));
        Assert.Equal((3L, 2L), (summary.GetProperty("synthetic").GetInt64(), summary.GetProperty("syntheticValid").GetInt64()));
    }

    [Fact]
    public async Task By_all_is_the_exact_median_of_every_valid_test_passing_the_filters()
    {
        // Five valid tests in two regions: the national median (30) is no region's median (15 and 40).
        static string Line(string id, double lon, double lat, double down) =>
            $"{{\"id\":\"{id}\",\"time\":\"2026-11-01T10:00:00Z\",\"lon\":{lon},\"lat\":{lat},\"downMbps\":{down},\"bytes\":9000000,\"durationS\":10,\"source\":\"inspector\"}}\n";
        var body = Line("a1", 71.43, 51.13, 10) + Line("a2", 71.43, 51.13, 20) + Line("b1", 76.9, 43.25, 30) + Line("b2", 76.9, 43.25, 40) + Line("b3", 76.9, 43.25, 150);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/api/measurements", Ndjson(body))).StatusCode);

        var all = JsonDocument.Parse(await Http.GetStringAsync("/api/quality/aggregates?by=all")).RootElement;
        var g = Assert.Single(all.EnumerateArray());
        Assert.Equal(5, g.GetProperty("tests").GetInt32());
        Assert.Equal(30, g.GetProperty("downMbps").GetProperty("median").GetDouble(), 9);
        Assert.Equal(0.2, g.GetProperty("shareAtLeast100Mbps").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, g.GetProperty("region").ValueKind);
        var byRegion = JsonDocument.Parse(await Http.GetStringAsync("/api/quality/aggregates?by=region")).RootElement;
        Assert.Equal(2, byRegion.GetArrayLength());
        Assert.DoesNotContain(byRegion.EnumerateArray(), r => r.GetProperty("downMbps").GetProperty("median").GetDouble() == 30);

        var filtered = JsonDocument.Parse(await Http.GetStringAsync("/api/quality/aggregates?by=all&region=KZ-71")).RootElement;
        Assert.Equal(15, Assert.Single(filtered.EnumerateArray()).GetProperty("downMbps").GetProperty("median").GetDouble(), 9);
        await Problem(await Http.GetAsync("/api/quality/aggregates?by=all,region"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_quarantined_line_is_served_with_the_client_network_not_the_address()
    {
        var body = "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":-1,\"clientIp\":\"95.56.12.201\"}\n";
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/api/measurements", Ndjson(body))).StatusCode);
        var served = await Http.GetStringAsync("/api/measurements/quarantine");
        Assert.DoesNotContain("95.56.12.201", served, StringComparison.Ordinal);
        var line = Assert.Single(JsonDocument.Parse(served).RootElement.EnumerateArray());
        Assert.Contains("95.56.12.0/24", line.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_wrong_type_empty_and_too_many_lines_are_refused_with_problem_json()
    {
        var big = new string('x', 70 * 1024);
        await Problem(await Http.PostAsync("/api/measurements", Ndjson(big)), HttpStatusCode.RequestEntityTooLarge);
        var lines = string.Concat(Enumerable.Repeat("{}\n", 150));
        await Problem(await Http.PostAsync("/api/measurements", Ndjson(lines)), HttpStatusCode.RequestEntityTooLarge);
        await Problem(await Http.PostAsync("/api/measurements", new StringContent("<xml/>", Encoding.UTF8, "application/xml")), HttpStatusCode.UnsupportedMediaType);
        await Problem(await Http.PostAsync("/api/measurements", Ndjson("  \n")), HttpStatusCode.BadRequest);
        // Bytes that are not UTF-8 no longer refuse the batch: their line is quarantined by name (Hygiene/JsonTextApiTests).
        var notUtf8 = await Http.PostAsync("/api/measurements", new ByteArrayContent([0xC3, 0x28]) { Headers = { ContentType = new("application/x-ndjson") } });
        Assert.Equal(HttpStatusCode.OK, notUtf8.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await notUtf8.Content.ReadAsStringAsync()).RootElement.GetProperty("quarantined").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/quality/summary")).StatusCode);
    }

    [Fact]
    public async Task A_client_too_slow_to_send_its_batch_gets_408_and_nothing_is_stored()
    {
        var r = await Http.PostAsync("/api/measurements", new StreamContent(new Trickle()) { Headers = { ContentType = new("application/x-ndjson") } });
        await Problem(r, HttpStatusCode.RequestTimeout);
        var summary = JsonDocument.Parse(await Http.GetStringAsync("/api/quality/summary")).RootElement;
        Assert.Equal(0, summary.GetProperty("measurements").GetInt64());
    }

    private static async Task Problem(HttpResponseMessage r, HttpStatusCode status)
    {
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>A body that sends one valid line and then a byte every half second, for ever.</summary>
    private sealed class Trickle : Stream
    {
        private readonly byte[] _first = Encoding.UTF8.GetBytes("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5}\n");
        private int _sent;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent == 0) { _first.CopyTo(buffer); _sent = 1; return _first.Length; }
            await Task.Delay(500, cancellationToken);
            buffer.Span[0] = (byte)' ';
            return 1;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
