using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Dala.Testing;
using Dala.Web.Ndt7;

namespace Dala.Cli.Tests;

/// <summary>
/// `dala serve --ndt7-capacity N --ndt7-per-address N --ndt7-idle-seconds S --ndt7-tokens FILE` on the real executable: the
/// capacity turns a test beyond it away with 503 while the running one completes; with tokens a test needs one; the limits
/// given reach the server's settings; bad values are refused before anything starts.
/// </summary>
public sealed class ServeNdt7OptionsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public ServeNdt7OptionsTests() => Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task With_capacity_1_a_second_concurrent_download_gets_503_while_the_first_completes()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Serve(["--ndt7-capacity", "1"], async url =>
        {
            var download = Ws(url, Ndt7Endpoints.DownloadPath);
            using var first = Socket();
            await first.ConnectAsync(download, cancel.Token); // upgraded: the one slot is held until this test ends
            using var second = Socket();
            await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(download, cancel.Token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.HttpStatusCode);
            var retryAfter = second.HttpResponseHeaders!.Single(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
            Assert.Equal(Ndt7Settings.Default.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(retryAfter));

            Assert.True(await ReadUntilCloseAsync(first, cancel.Token) > 8192);
            Assert.Equal(WebSocketCloseStatus.NormalClosure, first.CloseStatus);
            await first.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancel.Token);

            // The first test is stored complete (only the loopback rule flags it); the refused one left nothing.
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var stored = await StoredAsync(http, 1, cancel.Token);
            var m = Assert.Single(stored.EnumerateArray());
            Assert.Equal(["client address is private, loopback or link-local"], m.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()));
            Assert.True(m.GetProperty("bytes").GetInt64() > 8192);
        });
    }

    [Fact]
    public async Task With_a_tokens_file_a_test_needs_one_of_its_tokens()
    {
        var tokens = _dir.Write("tokens.txt", "kz-brigade-1\n\n  kz-brigade-2  \n");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Serve(["--ndt7-tokens", tokens], async url =>
        {
            foreach (var query in new[] { "", "?access_token=", "?access_token=kz-brigade", "?access_token=other" })
            {
                using var refused = Socket();
                await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(Ws(url, Ndt7Endpoints.DownloadPath + query), cancel.Token));
                Assert.Equal(HttpStatusCode.Forbidden, refused.HttpStatusCode);
            }
            using var admitted = Socket();
            await admitted.ConnectAsync(Ws(url, Ndt7Endpoints.UploadPath + "?access_token=kz-brigade-2"), cancel.Token);
            Assert.Equal(HttpStatusCode.SwitchingProtocols, admitted.HttpStatusCode);
            admitted.Abort();
        });
    }

    [Theory]
    [InlineData("--ndt7-capacity", "0", "--ndt7-capacity must be at least 1 (got 0)")]
    [InlineData("--ndt7-capacity", "-3", "--ndt7-capacity must be at least 1 (got -3)")]
    [InlineData("--ndt7-per-address", "-1", "--ndt7-per-address must be 0 (no limit) or more (got -1)")]
    [InlineData("--ndt7-idle-seconds", "0", "--ndt7-idle-seconds must be more than 0 and at most 15 (a test's hard cap) (got 0)")]
    [InlineData("--ndt7-idle-seconds", "-2", "--ndt7-idle-seconds must be more than 0 and at most 15 (a test's hard cap) (got -2)")]
    [InlineData("--ndt7-idle-seconds", "16", "--ndt7-idle-seconds must be more than 0 and at most 15 (a test's hard cap) (got 16)")]
    [InlineData("--ndt7-idle-seconds", "NaN", "--ndt7-idle-seconds must be more than 0 and at most 15 (a test's hard cap) (got NaN)")]
    [InlineData("--ndt7-tokens", "missing.txt", "--ndt7-tokens missing.txt: Could not find file")]
    [InlineData("--ndt7-tokens", "empty.txt", "--ndt7-tokens empty.txt: no token in the file")]
    public void Bad_values_are_refused_with_exit_code_1_before_the_store_is_opened(string option, string value, string error)
    {
        _dir.Write("empty.txt", "\n  \n");
        var run = CliRun.In(_dir.Path, "serve", "--store", _dir.File("other.db"), option, value);
        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains(error, run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("other.db")));
    }

    [Theory]
    [InlineData("--ndt7-capacity", "many")]
    [InlineData("--ndt7-per-address", "1.5")]
    [InlineData("--ndt7-idle-seconds", "soon")]
    public void A_value_that_is_not_a_number_is_a_usage_error(string option, string value)
    {
        var run = CliRun.In(_dir.Path, "serve", "--store", _dir.File("other.db"), option, value);
        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains(value, run.Err + run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("other.db")));
    }

    [Fact]
    public void The_limits_given_reach_the_ndt7_settings_and_the_others_keep_their_defaults()
    {
        var options = new Ndt7Options();
        var command = new System.CommandLine.RootCommand();
        foreach (var o in options.All) command.Options.Add(o);
        var ctx = CliContext.ForText(TextWriter.Null, TextWriter.Null, _dir.Path, CliRun.Clock);

        var given = options.Read(command.Parse(["--ndt7-capacity", "200", "--ndt7-per-address", "0", "--ndt7-idle-seconds", "2.5"]), ctx);
        Assert.Equal((200, 0, TimeSpan.FromSeconds(2.5)), (given.Capacity, given.MaxPerAddress, given.IdleTimeout));
        Assert.Equal(given, given.Validated());

        var defaults = options.Read(command.Parse([]), ctx);
        Assert.Equal((Ndt7Settings.Default.Capacity, Ndt7Settings.Default.MaxPerAddress, Ndt7Settings.Default.IdleTimeout),
            (defaults.Capacity, defaults.MaxPerAddress, defaults.IdleTimeout));
    }

    private async Task Serve(string[] options, Func<string, Task> body)
    {
        var serve = ServeNdt7Tests.Start(["serve", "--store", _dir.File("dala.db"), "--urls", "http://127.0.0.1:0", .. options]);
        try
        {
            await body(await ServeNdt7Tests.Listening(serve));
        }
        finally
        {
            serve.Kill(true);
            await serve.WaitForExitAsync();
        }
    }

    private static Uri Ws(string url, string pathAndQuery) => new(new Uri(url.Replace("http://", "ws://", StringComparison.Ordinal)), pathAndQuery);

    private static ClientWebSocket Socket()
    {
        var ws = new ClientWebSocket();
        ws.Options.AddSubProtocol(Ndt7Endpoints.Subprotocol);
        ws.Options.CollectHttpResponseDetails = true;
        return ws;
    }

    /// <summary>Reads the download to the server's Close; returns the binary bytes received.</summary>
    private static async Task<long> ReadUntilCloseAsync(ClientWebSocket ws, CancellationToken cancel)
    {
        var buffer = new byte[1 << 20];
        long bytes = 0;
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer.AsMemory(), cancel);
            if (r.MessageType == WebSocketMessageType.Close) return bytes;
            if (r.MessageType == WebSocketMessageType.Binary) bytes += r.Count;
        }
    }

    private static async Task<JsonElement> StoredAsync(HttpClient http, int count, CancellationToken cancel)
    {
        while (true)
        {
            var stored = JsonDocument.Parse(await http.GetStringAsync("/api/measurements?source=ndt7-server", cancel)).RootElement;
            if (stored.GetArrayLength() >= count) return stored;
            await Task.Delay(100, cancel);
        }
    }
}
