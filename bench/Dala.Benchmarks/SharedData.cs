namespace Dala.Benchmarks;

/// <summary>../shared/data, read in place.</summary>
public static class SharedData
{
    public static string Kz(string file)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "shared", "data", "kz", file);
            if (File.Exists(p)) return p;
        }
        var env = Environment.GetEnvironmentVariable("DALA_SHARED_DATA");
        foreach (var root in new[] { env, "/work/shared/data" })
        {
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "kz", file))) return Path.Combine(root, "kz", file);
        }
        throw new FileNotFoundException("../shared/data/kz/" + file + " (set DALA_SHARED_DATA)");
    }

    /// <summary>The shared data folder (holding kz/ and reference/).</summary>
    public static string Root => Path.GetDirectoryName(Path.GetDirectoryName(Kz("settlements-osm.csv")))!;

    public static string TempFile(string name) =>
        Path.Combine(Path.GetTempPath(), "dala-bench-" + Guid.NewGuid().ToString("N")[..8] + "-" + name);
}
