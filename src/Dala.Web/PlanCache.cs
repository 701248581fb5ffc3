using Dala.Rollout.Plans;

namespace Dala.Web;

/// <summary>
/// The last few plans read whole (a national plan is thousands of lines: a settlement card or a comparison should
/// not read them all again on every click). Plans never change once saved; a delete here forgets it, and an entry
/// is read again after a few minutes in case another process deleted it. Bounded: at most <c>PlanCacheEntries</c> plans
/// and <c>PlanCacheLines</c> settlement lines among them, the least recently used dropped first (a plan larger than the
/// whole line cap is served but not kept).
/// </summary>
public sealed class PlanCache(DalaWebSettings settings)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    private readonly LinkedList<(long Id, DateTimeOffset At, RolloutPlan Plan)> _entries = new();
    private readonly Lock _lock = new();

    public RolloutPlan? Get(IPlanStore store, long id)
    {
        var now = settings.Clock.Now;
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Id != id) continue;
                _entries.Remove(node);
                if (now - node.Value.At > Keep) break;
                _entries.AddFirst(node);
                return node.Value.Plan;
            }
        }
        var plan = store.GetPlan(id);
        if (plan is null) return null;
        lock (_lock)
        {
            _entries.AddFirst((id, now, plan));
            var limits = settings.Limits;
            while (_entries.Count > limits.PlanCacheEntries || (_entries.Count > 0 && Lines > limits.PlanCacheLines)) _entries.RemoveLast();
        }
        return plan;
    }

    /// <summary>Plans held now.</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    private long Lines => _entries.Sum(e => (long)e.Plan.Settlements.Count);

    public void Forget(long id)
    {
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
                if (node.Value.Id == id) { _entries.Remove(node); return; }
        }
    }
}
