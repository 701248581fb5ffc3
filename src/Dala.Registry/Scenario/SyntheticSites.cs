using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Scenario;

/// <summary>
/// A SYNTHETIC radio-site layout for demonstrations and benchmarks (no public cell-site list exists for
/// Kazakhstan): masts near settlements, the larger first, at least a minimum spacing apart; three 4G 800 MHz
/// sectors each, plus 5G 3.5 GHz sectors near towns. Every site is marked Synthetic with source
/// "synthetic-sites" and fictional operators. Deterministic for a seed. The radio engine never assumes it.
/// </summary>
public sealed class SyntheticSites(IRegistryStore store, IClock clock)
{
    public const string Source = "synthetic-sites";
    public const double MinSpacingKm = 6;

    public sealed record Result(int Requested, int Placed, bool Changed);

    public Result Seed(int count, int seed = 2026)
    {
        using var writer = store.BeginWrite();
        var sites = Layout(writer.Snapshot.Settlements, count, seed);
        var existing = writer.Snapshot.Sites.Where(s => s.Synthetic).ToDictionary(s => s.Id);
        var changed = existing.Count != sites.Count || sites.Any(s => !s.Equals(existing.GetValueOrDefault(s.Id)));
        if (changed)
        {
            writer.DeleteSyntheticSites();
            writer.UpsertOperators(SyntheticScenario.Operators);
            writer.UpsertSites(sites);
            writer.AddSource(new DatasetSource("sites", $"{Source} (seed {seed}, {sites.Count} sites)", $"synthetic-sites-{seed}-{count}",
                DatasetSource.Stamp(clock.Now), sites.Count, true));
            writer.Commit();
        }
        return new Result(count, sites.Count, changed);
    }

    public int Clear()
    {
        using var writer = store.BeginWrite();
        var n = writer.DeleteSyntheticSites();
        writer.Commit();
        return n;
    }

    public static List<Site> Layout(IReadOnlyList<Settlement> settlements, int count, int seed)
    {
        var rng = new Random(seed);
        var order = settlements.OrderByDescending(s => (s.Population.Count ?? 100) * (0.5 + rng.NextDouble())).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        var placed = new List<Site>();
        var grid = new Dictionary<(int, int), List<LonLat>>();
        foreach (var s in order)
        {
            if (placed.Count >= count) break;
            var bearing = rng.NextDouble() * 2 * Math.PI;
            var km = 0.5 + rng.NextDouble() * 2.5;
            var at = new LonLat(s.Location.Lon + km * Math.Sin(bearing) / (111.2 * Math.Cos(GeoMath.ToRad(s.Location.Lat))),
                s.Location.Lat + km * Math.Cos(bearing) / 111.2);
            if (Near(grid, at)) continue;
            Add(grid, at);
            var az0 = Math.Round(rng.NextDouble() * 120, 1);
            var tilt = Math.Round(2 + rng.NextDouble() * 2, 1);
            var sectors = Enumerable.Range(0, 3).Select(i => new Sector($"L8-{i + 1}", az0 + 120 * i, tilt, 800, 10, 61, "3gpp", Technology.FourG)).ToList();
            if (s.Kind is SettlementKind.City or SettlementKind.Town)
                sectors.AddRange(Enumerable.Range(0, 3).Select(i => new Sector($"N35-{i + 1}", az0 + 120 * i, tilt + 2, 3500, 100, 70, "3gpp", Technology.FiveG)));
            placed.Add(new Site($"syn-{placed.Count + 1:D5}", $"synthetic site near {s.Name.Local}", at, null, 30 + rng.Next(0, 5) * 5,
                rng.NextDouble() < 0.6 ? "synthetic-a" : "synthetic-b", sectors, Source, true));
        }
        return placed;
    }

    private static (int, int) Cell(LonLat p) => ((int)Math.Floor(p.Lon / 0.1), (int)Math.Floor(p.Lat / 0.1));

    private static bool Near(Dictionary<(int, int), List<LonLat>> grid, LonLat p)
    {
        var (cx, cy) = Cell(p);
        for (var dx = -1; dx <= 1; dx++)
        for (var dy = -1; dy <= 1; dy++)
        {
            if (grid.TryGetValue((cx + dx, cy + dy), out var list) && list.Any(q => GeoMath.DistanceKm(p, q) < MinSpacingKm)) return true;
        }
        return false;
    }

    private static void Add(Dictionary<(int, int), List<LonLat>> grid, LonLat p)
    {
        var c = Cell(p);
        if (!grid.TryGetValue(c, out var list)) grid[c] = list = [];
        list.Add(p);
    }
}
