using System.Net;
using System.Net.Sockets;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>`dala serve` on an address another server holds: one line saying so and how to choose another, exit 2 (it
/// crashed with two stack traces and exit 134); `--port` points at `--urls`.</summary>
public sealed class ServeBusyPortTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Serving_on_a_busy_port_exits_2_with_one_line_naming_the_address()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var run = CliRun.In(_dir.Path, "serve", "--store", _dir.File("dala.db"), "--urls", url);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        var error = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"--urls {url}: the address is already in use", error, StringComparison.Ordinal);
        Assert.Contains("choose another", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_flag_is_pointed_at_urls_before_anything_is_created()
    {
        var run = CliRun.In(_dir.Path, "serve", "--store", _dir.File("dala.db"), "--port", "9000");
        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("--port is not an option of dala serve: use --urls http://127.0.0.1:9000", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("dala.db")));
    }

    public void Dispose() => _dir.Dispose();
}
