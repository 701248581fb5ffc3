using Dala.Registry.Model;
using Dala.Registry.Naming;
using Dala.Registry.Status;
using Dala.Registry.Store;

namespace Dala.Registry.Query;

/// <summary>A snapshot seen on one date: statuses derived once, filters and lookups over them.</summary>
public sealed class RegistryView
{
    private readonly Lazy<IReadOnlyDictionary<string, CurrentStatus>> _status;

    public RegistryView(RegistrySnapshot snapshot, DateOnly asOf)
    {
        Snapshot = snapshot;
        AsOf = asOf;
        _status = new Lazy<IReadOnlyDictionary<string, CurrentStatus>>(() => snapshot.Settlements.ToDictionary(
            s => s.Id, s => StatusDerivation.Of(snapshot.HistoryOf(s.Id), asOf), StringComparer.Ordinal));
    }

    public RegistrySnapshot Snapshot { get; }

    public DateOnly AsOf { get; }

    public CurrentStatus StatusOf(string settlementId) =>
        _status.Value.TryGetValue(settlementId, out var s) ? s : CurrentStatus.Unknown;

    /// <summary>True when any connectivity in the store is synthetic.</summary>
    public bool Synthetic => Snapshot.Connectivity.Any(c => c.Synthetic) || Snapshot.Sources.Any(s => s.Synthetic);

    public string RegionName(string code) => Snapshot.RegionsByCode.TryGetValue(code, out var r) ? r.Name.En ?? r.Name.Local : code;

    public IEnumerable<Settlement> Filter(SettlementQuery q)
    {
        var key = string.IsNullOrWhiteSpace(q.Text) ? null : NameKey.Of(q.Text);
        var text = q.Text?.Trim();
        foreach (var s in Snapshot.Settlements)
        {
            if (q.Regions is { } rs && !rs.Contains(s.RegionCode)) continue;
            if (q.Kinds is { } ks && !ks.Contains(s.Kind)) continue;
            if (q.MinPopulation is { } min && (s.Population.Count ?? -1) < min) continue;
            if (q.MaxPopulation is { } max && (s.Population.Count is not { } p || p > max)) continue;
            if (q.Ids is { } ids && !ids.Contains(s.Id)) continue;
            if (q.Technologies is { } ts && !ts.Contains(StatusOf(s.Id).TechnologyName)) continue;
            if (text is not null && !Matches(s, text, key)) continue;
            yield return s;
        }
    }

    private static bool Matches(Settlement s, string text, string? key) =>
        s.Id.Equals(text, StringComparison.OrdinalIgnoreCase) ||
        (IsKatoPrefix(text) && s.KatoCode is { } kato && kato.StartsWith(text, StringComparison.Ordinal)) ||
        s.Name.All().Any(n => n.Contains(text, StringComparison.OrdinalIgnoreCase)
                              || (key is { Length: > 0 } && NameKey.Of(n).Contains(key, StringComparison.Ordinal)));

    /// <summary>2 to 9 digits: a KATO code or its prefix (the web's search box sends them as the text).</summary>
    private static bool IsKatoPrefix(string text) => text.Length is >= 2 and <= 9 && text.All(char.IsAsciiDigit);
}
