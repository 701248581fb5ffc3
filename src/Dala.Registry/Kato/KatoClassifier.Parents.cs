using Dala.Registry.Import;
using Dala.Registry.Model;

namespace Dala.Registry.Kato;

public sealed partial class KatoClassifier
{
    /// <summary>After all rows are read: a parent_id must be some row's id (a row rejected for another field
    /// counts, so its children are not reported twice), and no unit may be its own ancestor.</summary>
    private static void CheckParents(KatoClassifier kato, Dictionary<int, int> lineOf, HashSet<int> anyRow, ImportTally tally)
    {
        foreach (var u in kato.Units)
        {
            if (u.ParentId == 0) continue;
            if (kato.Find(u.ParentId) is null)
            {
                if (!anyRow.Contains(u.ParentId)) tally.Reject(lineOf[u.Id], "parent_id", $"{u.ParentId} refers to no row");
                continue;
            }
            if (kato.PathOf(u)[0].ParentId != 0 && OnCycle(kato, u))
                tally.Reject(lineOf[u.Id], "parent_id", $"{u.ParentId} makes a cycle (the unit is its own ancestor)");
        }
    }

    private static bool OnCycle(KatoClassifier kato, KatoUnit unit)
    {
        var seen = new HashSet<int>();
        for (var p = kato.Find(unit.ParentId); p is not null && seen.Add(p.Id); p = kato.Find(p.ParentId))
        {
            if (p.Id == unit.Id) return true;
        }
        return false;
    }
}
