namespace Dala.Rollout.Giga.Input;

/// <summary>Reads schools.csv, fibre_nodes.csv and cell_towers.csv from a folder; refuses a bad row naming file:line.</summary>
public static class GigaCaseReader
{
    public const string SchoolsFile = "schools.csv";
    public const string PopsFile = "fibre_nodes.csv";
    public const string TowersFile = "cell_towers.csv";

    public static GigaCase Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new GigaInputException($"{directory}: folder not found");
        var schools = CsvTable.Read(directory, SchoolsFile,
            ["school_id", "lat", "lon", "has_electricity", "num_students", "bandwidth_demand_mbps"],
            r => new GigaSchool(r.Text("school_id"), Lat(r), Lon(r), r.Flag("has_electricity"), r.Count("num_students"),
                r.Number("bandwidth_demand_mbps", 0)), s => s.Id);
        var pops = CsvTable.Read(directory, PopsFile, ["node_id", "lat", "lon"],
            r => new FibrePop(r.Text("node_id"), Lat(r), Lon(r)), p => p.Id);
        var towers = CsvTable.Read(directory, TowersFile, ["tower_id", "lat", "lon", "technologies"],
            r => new CellTower(r.Text("tower_id"), r.OptionalText("operator"), Lat(r), Lon(r),
                r.OptionalText("height_m").Length == 0 ? 0 : r.Number("height_m", 0),
                [.. r.Text("technologies").Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]), t => t.Id);
        var clash = schools.Select(s => s.Id).Intersect(pops.Select(p => p.Id).Concat(towers.Select(t => t.Id)), StringComparer.Ordinal).FirstOrDefault();
        if (clash is not null) throw new GigaInputException($"{SchoolsFile}: school_id: '{clash}' is also a fibre node or tower id");
        return new GigaCase([.. schools], [.. pops], [.. towers]);
    }

    private static double Lat(CsvRow r) => r.Number("lat", -90, 90);

    private static double Lon(CsvRow r) => r.Number("lon", -180, 180);
}
