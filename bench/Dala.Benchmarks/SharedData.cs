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
        throw new FileNotFoundException("../shared/data/kz/" + file);
    }

    public static string TempFile(string name) =>
        Path.Combine(Path.GetTempPath(), "dala-bench-" + Guid.NewGuid().ToString("N")[..8] + "-" + name);
}
