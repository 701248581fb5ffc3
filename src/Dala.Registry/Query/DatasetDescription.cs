using Dala.Registry.Store;

namespace Dala.Registry.Query;

/// <summary>What a user should be told about the data they are looking at: its sources and whether any is synthetic.</summary>
public sealed record DatasetDescription(string Name, bool Synthetic, string? SyntheticNote)
{
    public const string Note =
        "Connectivity shown is a SYNTHETIC scenario, calibrated to the published national figure (2,606 of 6,179 rural " +
        "settlements on fibre) - it is not real data about any settlement or operator. Import real records with " +
        "`dala import connectivity FILE.csv` and remove the scenario with `dala scenario clear`.";

    public static DatasetDescription Of(RegistrySnapshot snapshot)
    {
        var synthetic = snapshot.Connectivity.Any(c => c.Synthetic);
        var names = snapshot.Sources
            .Where(s => s.Synthetic ? synthetic : s.Kind is "settlements" or "regions" or "outline" or "kato")
            .GroupBy(s => s.Kind).SelectMany(g => g.Select(s => s.Synthetic ? "synthetic connectivity scenario" : s.Name))
            .Distinct().ToArray();
        var name = names.Length == 0 ? (snapshot.IsEmpty ? "empty store" : "unnamed dataset") : string.Join(" + ", names);
        return new DatasetDescription(name, synthetic, synthetic ? Note : null);
    }
}
