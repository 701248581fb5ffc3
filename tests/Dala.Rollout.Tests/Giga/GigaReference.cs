using Dala.Rollout.Giga.Input;
using Dala.Testing;

namespace Dala.Rollout.Tests.Giga;

/// <summary>The reference case of shared/data/reference/giga: inputs, the six scenarios and Giga's own output for s1.</summary>
internal static class GigaReference
{
    public static readonly string[] Scenarios =
    [
        "s1_default", "s2_fibre_cheaper", "s3_satellite_cheaper", "s4_cellular_range_larger", "s5_per_school_demand_no_new_power",
        "s6_p2p_no_line_of_sight",
    ];

    public static string Inputs => SharedData.Reference("giga/inputs");

    public static string Config(string scenario) => SharedData.Reference($"giga/configs/{scenario}.json");

    public static string Expected(string scenario) => SharedData.Reference($"giga/expected/{scenario}.csv");

    private static readonly Lazy<GigaCase> CaseLazy = new(() => GigaCaseReader.Read(Inputs));

    public static GigaCase Case => CaseLazy.Value;

    public static GigaScenario Scenario(string name) => GigaConfigReader.Read(Config(name));

    /// <summary>A CSV with a header as a list of column → value maps (no quoted fields in these files).</summary>
    public static List<Dictionary<string, string>> Table(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
