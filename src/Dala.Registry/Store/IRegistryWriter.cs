using Dala.Registry.Model;
using NetTopologySuite.Geometries;

namespace Dala.Registry.Store;

/// <summary>
/// One write transaction. Nothing is visible to readers before <see cref="Commit"/>; disposing without a
/// commit rolls everything back.
/// </summary>
public interface IRegistryWriter : IDisposable
{
    /// <summary>The registry as seen inside this transaction, before its own writes.</summary>
    RegistrySnapshot Snapshot { get; }

    /// <summary>Whether this transaction has written anything so far: what makes <see cref="Commit"/> bump the
    /// revision. A commit with nothing written leaves the revision as it was.</summary>
    bool HasChanges { get; }

    void UpsertRegions(IReadOnlyCollection<Region> regions);

    void DeleteRegions(IReadOnlyCollection<string> codes);

    void UpsertSettlements(IReadOnlyCollection<Settlement> settlements);

    void UpsertOperators(IReadOnlyCollection<Operator> operators);

    /// <summary>Inserts records, or replaces the one with the same key (settlement, operator, technology, date).</summary>
    void UpsertConnectivity(IReadOnlyCollection<ConnectivityRecord> records);

    /// <summary>Removes every synthetic connectivity record; returns how many.</summary>
    int DeleteSyntheticConnectivity();

    void ReplaceKato(IReadOnlyCollection<KatoUnit> units);

    /// <summary>Inserts sites or replaces them whole (with their sectors) by id.</summary>
    void UpsertSites(IReadOnlyCollection<Site> sites);

    /// <summary>Removes every synthetic site; returns how many.</summary>
    int DeleteSyntheticSites();

    void PutOutline(Geometry outline, string source);

    void AddSource(DatasetSource source);

    /// <summary>Empties every registry table (a restore replaces the whole registry).</summary>
    void DeleteAll();

    void Commit();
}
