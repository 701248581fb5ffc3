using Dala.Registry.Model;
using Dala.Registry.Status;

namespace Dala.Registry.Query;

/// <summary>A settlement with its region's name and its status on the view's date: one row of a list or export.</summary>
public sealed record SettlementSummary(Settlement Settlement, string RegionName, CurrentStatus Status)
{
    public static SettlementSummary Of(RegistryView view, Settlement s) => new(s, view.RegionName(s.RegionCode), view.StatusOf(s.Id));
}
