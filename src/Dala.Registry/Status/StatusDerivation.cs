using Dala.Registry.Model;

namespace Dala.Registry.Status;

/// <summary>
/// The rule that turns history into a current status. For each operator and technology the latest record
/// on or before the date is active; a "none" record ends everything earlier from its operator (or, without
/// an operator, from everyone). The settlement's technology is the best active one.
/// </summary>
public static class StatusDerivation
{
    public static CurrentStatus Of(IReadOnlyList<ConnectivityRecord> history, DateOnly asOf)
    {
        if (history.Count == 0) return CurrentStatus.Unknown;
        var latest = new Dictionary<(string, Technology), ConnectivityRecord>();
        var endedAt = new Dictionary<string, DateOnly>();
        DateOnly? globalEnd = null;
        DateOnly? last = null;
        var seen = false;
        foreach (var r in history)
        {
            if (r.AsOf > asOf) continue;
            seen = true;
            if (last is null || r.AsOf > last) last = r.AsOf;
            if (r.Technology == Technology.None)
            {
                if (r.OperatorId is null) globalEnd = Max(globalEnd, r.AsOf);
                else endedAt[r.OperatorId] = Max(endedAt.GetValueOrDefault(r.OperatorId), r.AsOf);
                continue;
            }
            var key = (r.OperatorId ?? "", r.Technology);
            if (!latest.TryGetValue(key, out var prev) || r.AsOf >= prev.AsOf) latest[key] = r;
        }
        if (!seen) return CurrentStatus.Unknown;
        var active = latest.Values
            .Where(r => (globalEnd is null || r.AsOf > globalEnd)
                        && (r.OperatorId is null || !endedAt.TryGetValue(r.OperatorId, out var e) || r.AsOf > e))
            .OrderByDescending(r => r.Technology).ThenBy(r => r.OperatorId, StringComparer.Ordinal)
            .ToArray();
        var best = active.Length == 0 ? Technology.None : active[0].Technology;
        var maxDown = active.Where(r => r.DownMbps is not null).Select(r => r.DownMbps).DefaultIfEmpty(null).Max();
        var synthetic = history.Any(r => r.AsOf <= asOf && r.Synthetic);
        return new CurrentStatus(best, maxDown, active.Any(r => r.Meets100Mbps), last, active, synthetic);
    }

    private static DateOnly Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
