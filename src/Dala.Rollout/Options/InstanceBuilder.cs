using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Fibre.Planning;
using Dala.Fibre.Proxy;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Rollout.Costs;
using Dala.Rollout.Demand;

namespace Dala.Rollout.Options;

/// <summary>What the plan starts from: the customers' choice problem, the settlements already served, and what was assumed.</summary>
public sealed record PlanInstance(
    ChoiceInstance Choice,
    ImmutableArray<(Settlement Settlement, Demand.Demand Demand, string Technology)> AlreadyServed,
    ImmutableArray<Settlement> Backbone,
    ImmutableArray<string> Assumptions,
    bool Synthetic);

/// <summary>
/// Draws up every settlement's options from the registry, the sites and the cost book: fibre over the proxy network
/// from today's fibre (cities, towns and settlements on fibre now), existing mobile coverage, 5G upgrades, new masts,
/// fixed wireless from fibre-fed towers, and LEO.
/// </summary>
public static partial class InstanceBuilder
{
    public static PlanInstance Build(RegistryView view, CostBook costs, BuildSettings settings, IProgress<(string Phase, double Share)>? progress = null, CancellationToken cancel = default)
    {
        var snap = view.Snapshot;
        if (settings.Region is { } code && !snap.RegionsByCode.ContainsKey(code)) throw new ArgumentException($"unknown region '{code}'");
        var scope = snap.Settlements.Where(s => settings.Region is null || s.RegionCode == settings.Region).ToImmutableArray();
        var demand = new DemandModel(costs, snap.Settlements);
        bool Backbone(Settlement s) => s.Kind is SettlementKind.City or SettlementKind.Town || view.StatusOf(s.Id).OnFibre;
        var backbone = scope.Where(Backbone).ToImmutableArray();
        var served = scope.Where(s => s.Kind.IsRural() && !Backbone(s) && view.StatusOf(s.Id).Meets100Mbps)
            .Select(s => (s, demand.Of(s), view.StatusOf(s.Id).TechnologyName)).ToImmutableArray();
        var onFibreRural = scope.Where(s => s.Kind.IsRural() && view.StatusOf(s.Id).OnFibre)
            .Select(s => (s, demand.Of(s), "fibre"));
        var network = ProxyNetwork.Build([.. scope.Select(s => (s.Id, s.Location))], costs.FibrePerKm, settings.Detour);
        var customers = scope.Where(s => s.Kind.IsRural() && !Backbone(s) && !view.StatusOf(s.Id).Meets100Mbps)
            .Select((s, i) => new Customer(i, s, demand.Of(s), network.Anchors.GetValueOrDefault(s.Id, -1), view.StatusOf(s.Id).Broadband))
            .ToImmutableArray();
        progress?.Report(("options", 0.05));
        var options = customers.Select(_ => new List<ServeOption>()).ToArray();
        var facilities = new List<Facility>();
        var radio = new RadioOptions(costs, settings, customers, options, facilities, snap.Sites, backbone);
        radio.AddExisting(cancel);
        progress?.Report(("options", 0.3));
        radio.AddUpgrades(cancel);
        progress?.Report(("options", 0.55));
        radio.AddNewSites(cancel);
        progress?.Report(("options", 0.8));
        radio.AddFixedWireless(cancel);
        foreach (var c in customers) options[c.Index].Add(Leo(costs, c.Demand));
        var (graph, edgeCapex, edgeOpex) = LifeCycleGraph(network, costs);
        var roots = backbone.Select(s => network.Anchors[s.Id]).ToImmutableArray();
        var fibre = customers.Select(c => c.Node < 0 || roots.IsEmpty ? (ServeOption?)null : FibreAt(costs, c.Demand)).ToImmutableArray();
        var mandatory = settings.MandatoryTarget;
        var filtered = options.Select(list => list.Where(o => !mandatory || o.Meets100).ToImmutableArray()).ToArray();
        var (keptFacilities, members) = Renumber(facilities, filtered);
        var choice = new ChoiceInstance(customers, [.. filtered], fibre, keptFacilities, members, network, graph, edgeCapex, edgeOpex, roots, mandatory);
        var synthetic = view.Synthetic || snap.Sites.Any(s => s.Synthetic) || settings.Candidates.Any(c => c.Synthetic);
        progress?.Report(("options", 1));
        return new PlanInstance(choice, [.. served.Concat(onFibreRural).DistinctBy(x => x.Item1.Id)], backbone,
            [.. Assumptions(costs, settings, network, demand, customers, radio)], synthetic);
    }

    private static ServeOption Leo(CostBook costs, Demand.Demand d)
    {
        var capex = d.Homes * (costs["leo_terminal"] + costs["leo_install"]);
        var opex = d.Homes * costs["leo_subscription_month"] * 12;
        var rate = d.PerSubscriberMbps(costs["leo_beam_capacity_mbps"], costs["fixed_active_share"]);
        return new ServeOption(OptionKind.Leo, -1, capex, opex, costs.LifeCycle(capex, opex), rate >= costs["target_mbps"], rate, "leo");
    }

    private static ServeOption FibreAt(CostBook costs, Demand.Demand d)
    {
        var capex = costs["fibre_pop_per_settlement"] + d.Homes * costs["fibre_drop_per_household"];
        var opex = costs["fibre_opex_per_settlement_year"];
        return new ServeOption(OptionKind.Fibre, -1, capex, opex, costs.LifeCycle(capex, opex), true, double.PositiveInfinity, "fibre");
    }

    /// <summary>The route network's graph priced at life-cycle cost: laying (capex) plus the discounted upkeep per km.</summary>
    private static (Graph, ImmutableArray<double>, ImmutableArray<double>) LifeCycleGraph(RouteNetwork network, CostBook costs)
    {
        var g = network.Graph;
        var builder = new GraphBuilder(g.NodeCount);
        var capex = ImmutableArray.CreateBuilder<double>(g.EdgeCount);
        var opex = ImmutableArray.CreateBuilder<double>(g.EdgeCount);
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var edge = g.Edge(e);
            var c = (double)g.Cost(e);
            var o = network.EdgeKm[e] * costs["fibre_opex_per_km_year"];
            capex.Add(c);
            opex.Add(o);
            builder.AddEdge(edge.U, edge.V, (long)Math.Round(costs.LifeCycle(c, o)));
        }
        return (builder.Build(), capex.MoveToImmutable(), opex.MoveToImmutable());
    }

    /// <summary>Drops facilities no kept option uses, renumbers the options' facility indices and lists each facility's members.</summary>
    private static (ImmutableArray<Facility>, ImmutableArray<ImmutableArray<(int, int)>>) Renumber(List<Facility> facilities, ImmutableArray<ServeOption>[] options)
    {
        var used = new int[facilities.Count];
        Array.Fill(used, -1);
        var kept = new List<Facility>();
        var members = new List<List<(int, int)>>();
        for (var i = 0; i < options.Length; i++)
        {
            var list = options[i].ToBuilder();
            for (var k = 0; k < list.Count; k++)
            {
                var f = list[k].Facility;
                if (f < 0) continue;
                if (used[f] < 0)
                {
                    used[f] = kept.Count;
                    kept.Add(facilities[f]);
                    members.Add([]);
                }
                list[k] = list[k] with { Facility = used[f] };
                members[used[f]].Add((i, k));
            }
            options[i] = list.ToImmutable();
        }
        return ([.. kept], [.. members.Select(m => m.ToImmutableArray())]);
    }
}
