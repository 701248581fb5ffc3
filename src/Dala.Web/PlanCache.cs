using Dala.Rollout.Plans;

namespace Dala.Web;

/// <summary>
/// The last few plans read whole (a national plan is thousands of lines: a settlement card or a comparison should
/// not read them all again on every click). Plans never change once saved; a delete here forgets it, and an entry
/// is read again after a few minutes in case another process deleted it.
/// </summary>
public sealed class PlanCache(DalaWebSettings settings)
{
    private const int Size = 4;
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
            while (_entries.Count > Size) _entries.RemoveLast();
        }
        return plan;
    }

    public void Forget(long id)
    {
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
                if (node.Value.Id == id) { _entries.Remove(node); return; }
        }
    }
}
