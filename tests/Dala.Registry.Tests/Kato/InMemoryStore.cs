using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.Geometries;

namespace Dala.Registry.Tests.Kato;

/// <summary>A store in memory for the importer tests: writes apply to copies, a commit publishes them.
/// It counts the calls that matter here (ReplaceKato, upserted settlements, commits).</summary>
internal sealed class InMemoryStore(RegistrySnapshot initial) : IRegistryStore
{
    public RegistrySnapshot Current { get; private set; } = initial;
    public int Writes { get; private set; }
    public int Commits { get; private set; }
    public int KatoReplacements { get; private set; }
    public int SettlementsUpserted { get; private set; }

    public long ReadRevision() => Current.Revision;

    public RegistrySnapshot ReadSnapshot() => Current;

    public IRegistryWriter BeginWrite()
    {
        Writes++;
        return new Writer(this);
    }

    public string Describe() => "memory";

    private sealed class Writer(InMemoryStore store) : IRegistryWriter
    {
        private readonly Dictionary<string, Settlement> _settlements = store.Current.Settlements.ToDictionary(s => s.Id);
        private readonly List<DatasetSource> _sources = [.. store.Current.Sources];
        private IReadOnlyList<KatoUnit> _kato = store.Current.Kato;
        private int _replaced;
        private int _upserted;

        public RegistrySnapshot Snapshot { get; } = store.Current;

        public void UpsertSettlements(IReadOnlyCollection<Settlement> settlements)
        {
            foreach (var s in settlements) _settlements[s.Id] = s;
            _upserted += settlements.Count;
        }

        public void ReplaceKato(IReadOnlyCollection<KatoUnit> units)
        {
            // Hand them back sorted by code, as a database might: the importer must not care about order.
            _kato = units.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
            _replaced++;
        }

        public void AddSource(DatasetSource source) => _sources.Add(source);

        public void Commit()
        {
            var s = Snapshot;
            store.Current = new RegistrySnapshot(s.Revision + 1, s.Regions, _settlements.Values.ToList(), s.Operators,
                s.Connectivity, _kato, _sources, s.Outline, s.OutlineSource);
            store.Commits++;
            store.KatoReplacements += _replaced;
            store.SettlementsUpserted += _upserted;
        }

        public void Dispose() { }

        public void UpsertRegions(IReadOnlyCollection<Region> regions) => throw new NotSupportedException();
        public void DeleteRegions(IReadOnlyCollection<string> codes) => throw new NotSupportedException();
        public void UpsertOperators(IReadOnlyCollection<Operator> operators) => throw new NotSupportedException();
        public void UpsertConnectivity(IReadOnlyCollection<ConnectivityRecord> records) => throw new NotSupportedException();
        public int DeleteSyntheticConnectivity() => throw new NotSupportedException();
        public void PutOutline(Geometry outline, string source) => throw new NotSupportedException();
    }
}
