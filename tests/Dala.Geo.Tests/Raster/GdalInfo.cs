using System.Diagnostics;
using System.Text.Json;

namespace Dala.Geo.Tests.Raster;

/// <summary>Runs gdalinfo on a file and returns its JSON report and whatever it printed to stderr.</summary>
internal static class GdalInfo
{
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "gdalinfo"))
        .FirstOrDefault(File.Exists);

    public static (JsonElement Report, string Stderr) JsonWithStats(string file)
    {
        var exe = Executable ?? throw new InvalidOperationException("gdalinfo is not on PATH; CI=true requires it (Debian package gdal-bin)");
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-json", "-stats", file }) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("gdalinfo did not start");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(60_000)) { p.Kill(); throw new TimeoutException("gdalinfo ran longer than 60 s"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"gdalinfo exited {p.ExitCode}: {stderr.Result}");
        using var doc = JsonDocument.Parse(stdout);
        return (doc.RootElement.Clone(), stderr.Result);
    }
}
