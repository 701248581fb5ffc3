namespace Dala.Rollout.Plans;

/// <summary>One settlement planned differently by two plans (technology or year).</summary>
public sealed record SettlementDifference(string SettlementId, string Name, string Region, double Lon, double Lat,
    string TechnologyA, int? YearA, double CapexA, string TechnologyB, int? YearB, double CapexB);

/// <summary>Per technology, the settlements each plan gives it.</summary>
public sealed record TechnologyDifference(string Technology, int SettlementsA, int SettlementsB, double CapexA, double CapexB);

/// <summary>Two plans side by side: their totals, the differences by technology and the settlements planned differently.</summary>
public sealed record PlanComparison(
    RolloutPlan A,
    RolloutPlan B,
    double NpvDifferenceTenge,
    double CapexDifferenceTenge,
    IReadOnlyList<TechnologyDifference> Technologies,
    IReadOnlyList<SettlementDifference> Settlements,
    int OnlyInA,
    int OnlyInB)
{
    /// <summary>B minus A, line by line (settlements in both plans; those in one only are counted).</summary>
    public static PlanComparison Of(RolloutPlan a, RolloutPlan b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var bById = b.Settlements.ToDictionary(l => l.SettlementId, StringComparer.Ordinal);
        var aIds = a.Settlements.Select(l => l.SettlementId).ToHashSet(StringComparer.Ordinal);
        var diffs = new List<SettlementDifference>();
        foreach (var x in a.Settlements)
        {
            if (!bById.TryGetValue(x.SettlementId, out var y)) continue;
            if (x.Technology == y.Technology && x.Year == y.Year) continue;
            diffs.Add(new SettlementDifference(x.SettlementId, x.Name, x.Region, x.Lon, x.Lat, x.Technology, x.Year, x.CapexTenge, y.Technology, y.Year, y.CapexTenge));
        }
        var techs = a.Settlements.Select(l => l.Technology).Union(b.Settlements.Select(l => l.Technology)).Order(StringComparer.Ordinal)
            .Select(t => new TechnologyDifference(t,
                a.Settlements.Count(l => l.Technology == t), b.Settlements.Count(l => l.Technology == t),
                a.Settlements.Where(l => l.Technology == t).Sum(l => l.CapexTenge), b.Settlements.Where(l => l.Technology == t).Sum(l => l.CapexTenge)))
            .ToList();
        return new PlanComparison(a.Header(), b.Header(), b.Summary.TotalNpvTenge - a.Summary.TotalNpvTenge, b.Summary.CapexTenge - a.Summary.CapexTenge,
            techs, diffs, a.Settlements.Count(l => !bById.ContainsKey(l.SettlementId)), b.Settlements.Count(l => !aIds.Contains(l.SettlementId)));
    }
}
