using Dala.Registry.Model;
using NetTopologySuite.Geometries;

namespace Dala.Registry.Store;

/// <summary>The whole registry at one revision, immutable, with lookups built once.</summary>
public sealed class RegistrySnapshot
{
    public RegistrySnapshot(
        long revision,
        IReadOnlyList<Region> regions,
        IReadOnlyList<Settlement> settlements,
        IReadOnlyList<Operator> operators,
        IReadOnlyList<ConnectivityRecord> connectivity,
        IReadOnlyList<KatoUnit> kato,
        IReadOnlyList<DatasetSource> sources,
        Geometry? outline,
        string? outlineSource,
        IReadOnlyList<Site>? sites = null)
    {
        Sites = sites ?? [];
        Revision = revision;
        Regions = regions;
        Settlements = settlements;
        Operators = operators;
        Connectivity = connectivity;
        Kato = kato;
        Sources = sources;
        Outline = outline;
        OutlineSource = outlineSource;
        RegionsByCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        SettlementsById = settlements.ToDictionary(s => s.Id, StringComparer.Ordinal);
        OperatorsById = operators.ToDictionary(o => o.Id, StringComparer.Ordinal);
        History = connectivity.GroupBy(c => c.SettlementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ConnectivityRecord>)g.OrderBy(c => c.AsOf).ToArray(), StringComparer.Ordinal);
    }

    public static RegistrySnapshot Empty { get; } = new(0, [], [], [], [], [], [], null, null);

    public long Revision { get; }
    public IReadOnlyList<Region> Regions { get; }
    public IReadOnlyList<Settlement> Settlements { get; }
    public IReadOnlyList<Operator> Operators { get; }
    public IReadOnlyList<ConnectivityRecord> Connectivity { get; }
    public IReadOnlyList<KatoUnit> Kato { get; }
    public IReadOnlyList<Site> Sites { get; }
    public IReadOnlyList<DatasetSource> Sources { get; }
    public Geometry? Outline { get; }
    public string? OutlineSource { get; }
    public IReadOnlyDictionary<string, Region> RegionsByCode { get; }
    public IReadOnlyDictionary<string, Settlement> SettlementsById { get; }
    public IReadOnlyDictionary<string, Operator> OperatorsById { get; }

    /// <summary>Connectivity records per settlement, oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ConnectivityRecord>> History { get; }

    public IReadOnlyList<ConnectivityRecord> HistoryOf(string settlementId) =>
        History.TryGetValue(settlementId, out var h) ? h : [];

    public bool IsEmpty => Settlements.Count == 0 && Regions.Count == 0;
}
