namespace Dala.Testing;

/// <summary>Paths into ../shared/data (real Kazakhstan data and reference checks), read in place, never copied.</summary>
public static class SharedData
{
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
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/data not found above " + AppContext.BaseDirectory + " (set DALA_SHARED_DATA)");
    }
}
