using Dala.Geo;

namespace Dala.Registry.Store;

/// <summary>
/// What the registry needs from storage. Reads return whole snapshots (the registry is small: thousands of
/// settlements); writes happen in one exclusive transaction that commits whole or not at all.
/// </summary>
public interface IRegistryStore
{
    /// <summary>A number that changes after every committed write; cheap to ask.</summary>
    long ReadRevision();

    RegistrySnapshot ReadSnapshot();

    /// <summary>Starts the one transaction of a write. Concurrent writers wait for it (or fail cleanly).</summary>
    IRegistryWriter BeginWrite();

    /// <summary>A human name for where the data lives (a file path or a server), for messages.</summary>
    string Describe();

    /// <summary>Ids of the settlements whose location lies in the box (borders included), ordered by id.</summary>
    IReadOnlyList<string> SettlementsInBox(BBox box);

    /// <summary>The nearest settlements by great-circle distance (haversine, mean Earth radius), nearest first, ties by id.</summary>
    IReadOnlyList<Nearby> NearestSettlements(LonLat point, int count);

    /// <summary>The code of the region whose polygon covers the point (borders included; the lowest code on a shared border).</summary>
    string? RegionAt(LonLat point);
}
