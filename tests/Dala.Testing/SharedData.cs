namespace Dala.Testing;

/// <summary>
/// Paths into the shared data (real Kazakhstan data and reference checks), read in place, never copied:
/// $DALA_SHARED_DATA, else ../shared/data above the repository (or above the working folder), else
/// /work/shared/data (where a clean clone elsewhere, such as CI's, still finds it).
/// </summary>
public static class SharedData
{
    public const string WellKnown = "/work/shared/data";

    public static string Root { get; } = FindRoot();

    public static string Kz(string file) => Path.Combine(Root, "kz", file);

    public static string Reference(string path) => Path.Combine(Root, "reference", path);

    public static string RegionsGeoJson => Kz("regions-osm.geojson");
    public static string HotOsmPlaces => Kz("hotosm_kaz_populated_places_points.geojson");
    public static string SettlementsCsv => Kz("settlements-osm.csv");
    public static string Kato => Kz("kato-2022-10-17.csv");

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("DALA_SHARED_DATA");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "kz"))) return candidate;
            }
        }
        if (Directory.Exists(WellKnown)) return WellKnown;
        throw new DirectoryNotFoundException($"shared data not found (../shared/data above {AppContext.BaseDirectory}, or {WellKnown}): set DALA_SHARED_DATA");
    }
}
