using System.Diagnostics;
using System.Text.Json;

namespace Dala.Web.Tests.Ndt7;

/// <summary>Runs tests/ndt7-node/run.mjs (the official @m-lab/ndt7 client under Node) and returns its JSON line.</summary>
public static class NodeHarness
{
    public static string? NodePath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "node"), Path.Combine(dir, "node.exe") })
            .FirstOrDefault(File.Exists);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dala.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no Dala.slnx above {AppContext.BaseDirectory}");
    }

    public static async Task<(JsonElement Json, string Stderr)> RunAsync(string hostPort, string clientName, TimeSpan timeout)
    {
        var root = RepoRoot();
        var start = new ProcessStartInfo(NodePath() ?? "node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--experimental-websocket", Path.Combine("tests", "ndt7-node", "run.mjs"), hostPort, clientName }) start.ArgumentList.Add(a);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await node.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node did not finish in {timeout}: {await stderr}");
        }
        var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"node printed nothing (exit {node.ExitCode}): {await stderr}");
        using var doc = JsonDocument.Parse(line);
        return (doc.RootElement.Clone(), await stderr);
    }
}
