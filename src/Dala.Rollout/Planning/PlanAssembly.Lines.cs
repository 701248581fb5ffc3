using Dala.Rollout.Options;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Planning;

internal sealed partial class PlanAssembly
{
    /// <summary>The line rate a fibre home is sold (1 Gbit/s): fibre always meets the target.</summary>
    public const double FibreMbps = 1000;

    private List<SettlementPlan> Lines()
    {
        var list = new List<SettlementPlan>();
        foreach (var (s, d, tech) in instance.AlreadyServed)
        {
            var status = view.StatusOf(s.Id);
            var rate = status.OnFibre ? FibreMbps : status.MaxDownMbps ?? FibreMbps;
            list.Add(new SettlementPlan(s.Id, s.Name.Local, s.RegionCode, s.Location.Lon, s.Location.Lat, d.Population, d.Estimated, tech, "served",
                null, 0, 0, 0, true, rate, status.OnFibre ? "on fibre today (registry): nothing to build" : $"already meets 100 Mbit/s today (registry: {tech}, {rate:0} Mbit/s advertised)",
                null, null, 0, null, null, null, null));
        }
        for (var i = 0; i < Inst.Count; i++) list.Add(Line(i));
        return [.. list.OrderBy(l => l.Region, StringComparer.Ordinal).ThenBy(l => l.SettlementId, StringComparer.Ordinal)];
    }

    private SettlementPlan Line(int i)
    {
        var c = Inst.Customers[i];
        var s = c.Settlement;
        var o = works.Option(i);
        var year = scheduler.Years[i];
        var binding = scheduler.Binding[i] is { } b && (year is null || scheduler.Earliest[i] is not null) ? Phasing.Scheduler.Describe(b) : null;
        var path = works.Paths[i];
        var km = path.Sum(e => Inst.Network.EdgeKm[e]);
        string? parent = null;
        if (path.Length > 0)
            parent = Inst.Network.SettlementAt(works.NodeAbove(c.Node, path[0]));
        var facility = o is { Facility: >= 0 } f ? Inst.Facilities[f.Facility].Id : null;
        return new SettlementPlan(s.Id, s.Name.Local, c.Region, s.Location.Lon, s.Location.Lat, c.Demand.Population, c.Demand.Estimated,
            o?.Technology ?? "none", o?.Kind.WireName() ?? "none", year, _money.Capex[i], _money.Opex[i], _money.Npv[i], o?.Meets100 ?? false,
            o is { Kind: OptionKind.Fibre } ? FibreMbps : o?.MbpsPerSubscriber ?? 0, Reason(i, o, km, parent, binding), facility, parent, km,
            scheduler.Interim[i], scheduler.Interim[i] is null ? null : "leo", scheduler.Earliest[i], binding);
    }
}
