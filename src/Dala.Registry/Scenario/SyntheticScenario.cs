using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Scenario;

/// <summary>
/// A SYNTHETIC connectivity history for demonstrations, never real data: every record it writes has
/// Synthetic = true and source "synthetic-scenario", and its operators are fictional. It is calibrated so
/// that today the share of rural settlements on fibre equals the published national figure (2,606 of 6,179):
/// the settlements most likely to have fibre (larger, closer to a town) get it first, spread over 2014 to
/// today; the others get 3G/4G, satellite, fixed wireless or nothing. Deterministic for a given seed.
/// </summary>
public sealed partial class SyntheticScenario(IRegistryStore store, IClock clock)
{
    public const string Source = "synthetic-scenario";
    public const int PublishedRural = 6179;
    public const int PublishedRuralOnFibre = 2606;

    public static readonly IReadOnlyList<Operator> Operators =
    [
        new("synthetic-a", "Operator A (synthetic)"),
        new("synthetic-b", "Operator B (synthetic)"),
        new("synthetic-c", "Operator C (synthetic)"),
    ];

    public sealed record Result(int Settlements, int Rural, int RuralOnFibre, int Records, bool Changed);

    /// <summary>Replaces the synthetic records with the scenario for this seed (nothing changes on a re-run).</summary>
    public Result Seed(int seed = 2026)
    {
        using var writer = store.BeginWrite();
        var snapshot = writer.Snapshot;
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var records = Generate(snapshot.Settlements, today, seed);
        var rural = snapshot.Settlements.Count(s => s.Kind.IsRural());
        var fibre = FibreTarget(rural);
        var existing = snapshot.Connectivity.Where(c => c.Synthetic).ToHashSet();
        var changed = existing.Count != records.Count || !records.All(existing.Contains);
        if (changed)
        {
            writer.DeleteSyntheticConnectivity();
            writer.UpsertOperators(Operators);
            writer.UpsertConnectivity(records);
            writer.AddSource(new DatasetSource("connectivity", $"{Source} (seed {seed})", $"synthetic-{seed}-{snapshot.Settlements.Count}",
                DatasetSource.Stamp(clock.Now), records.Count, true));
            writer.Commit();
        }
        return new Result(snapshot.Settlements.Count, rural, fibre, records.Count, changed);
    }

    /// <summary>Removes every synthetic record; returns how many.</summary>
    public int Clear()
    {
        using var writer = store.BeginWrite();
        var n = writer.DeleteSyntheticConnectivity();
        writer.Commit();
        return n;
    }

    /// <summary>Rural settlements to put on fibre: the published share, rounded.</summary>
    public static int FibreTarget(int rural) =>
        (int)Math.Round(rural * (double)PublishedRuralOnFibre / PublishedRural, MidpointRounding.AwayFromZero);

    private static double DistanceToTown(Settlement s, Settlement[] towns) =>
        towns.Length == 0 ? 0 : towns.Min(t => GeoMath.DistanceKm(t.Location, s.Location));
}
