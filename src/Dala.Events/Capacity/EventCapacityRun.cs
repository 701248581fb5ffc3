using Dala.Events.Model;
using Dala.Registry.Store;

namespace Dala.Events.Capacity;

/// <summary>The capacity check over a registry snapshot: its sites, and the operators that own radio sites for an equal split.</summary>
public static class EventCapacityRun
{
    public static EventCapacity Run(MassEvent e, RegistrySnapshot snapshot, DemandAssumptions demand, CapacityAssumptions capacity)
    {
        var operators = snapshot.Sites.Where(s => s.OperatorId is not null && s.Sectors.Count > 0).Select(s => s.OperatorId!).Distinct(StringComparer.Ordinal).ToList();
        return CapacityPlanner.Run(e, snapshot.Sites, operators, demand, capacity);
    }
}
