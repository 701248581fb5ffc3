using System.Collections.Immutable;
using System.Diagnostics;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Rollout.Choice;

using Dala.Rollout.Options;
using Dala.Rollout.Phasing;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Planning;

/// <summary>
/// The rollout planner: draws up every settlement's options, chooses the technologies (the national heuristic),
/// proves a lower bound (Lagrangian relaxation with dual ascent), places the works in years under the budget,
/// capacities and permits, and assembles the plan. Optionally re-plans with each main input 20% lower and higher.
/// </summary>
public static class NationalPlanner
{
    public static RolloutPlan Run(RegistryView view, PlanRequest request, DateTimeOffset now, IProgress<PlanProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var sensitivityShare = request.Sensitivity ? 0.5 : 0;
        var core = Plan(view, request, Scaled(progress, 0, 1 - sensitivityShare), cancel);
        IReadOnlyList<SensitivityBar> bars = [];
        if (request.Sensitivity)
            bars = Sensitivity.Run(view, request, core.Summary.TotalNpvTenge, Scaled(progress, 1 - sensitivityShare, sensitivityShare), cancel);
        progress?.Report(new PlanProgress("done", 1));
        return core with
        {
            CreatedAt = now, Sensitivity = bars,
            Summary = core.Summary with { Seconds = watch.Elapsed.TotalSeconds },
        };
    }

    /// <summary>One plan without the sensitivity runs.</summary>
    internal static RolloutPlan Plan(RegistryView view, PlanRequest request, IProgress<PlanProgress>? progress, CancellationToken cancel)
    {
        var mandatory = request.Targets.Where(t => t.Metric == "mbps100").Select(t => t.Share).DefaultIfEmpty(0).Max() >= 1 - 1e-12;
        var build = request.Build with { MandatoryTarget = mandatory };
        progress?.Report(new PlanProgress("options", 0));
        var instance = InstanceBuilder.Build(view, request.Costs, build,
            progress is null ? null : new SyncProgress<(string Phase, double Share)>(p => progress.Report(new PlanProgress(p.Phase, 0.3 * p.Share))), cancel);
        var regionOf = view.Snapshot.Settlements.ToDictionary(s => s.Id, s => s.RegionCode, StringComparer.Ordinal);
        var network = instance.Choice.Network;
        string NodeRegion(int v) => network.SettlementAt(v) is { } id ? regionOf.GetValueOrDefault(id, "") : "";
        string EdgeRegion(int e) => NodeRegion(instance.Choice.FibreGraph.Edge(e).U);
        var baseline = Baseline(view, instance);
        var prices = Prices.None;
        Attempt? best = null;
        Prices? late = null;
        Prices? onTime = null;
        var refined = 0;
        for (var round = 0; round < MaxPriceRounds; round++)
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Report(new PlanProgress(round == 0 ? "technology choice" : $"technology choice (shadow prices, round {round + 1})", 0.3 + 0.4 * round / MaxPriceRounds));
            var priced = prices.Apply(instance.Choice, EdgeRegion);
            var chosen = ChoiceHeuristic.Solve(priced, request.Choice, cancel);
            if (LagrangianBound.Compute(priced, chosen, ImproveIterations, cancel).Improved is { } better) chosen = better;
            chosen = chosen with { Cost = ChoiceSolution.CostOf(instance.Choice, chosen.Assigned, chosen.TreeEdges) };
            var works = new Works(instance.Choice, chosen, EdgeRegion, cancel);
            var scheduler = new Scheduler(works, request.Costs, request.Phasing, request.Mode, view.AsOf);
            scheduler.Run(baseline, request.Targets, cancel);
            var attempt = new Attempt(chosen, works, scheduler, prices);
            if (best is null || attempt.Better(best)) best = attempt;
            if (attempt.Met) onTime = prices;
            else late = prices;
            if (onTime is not null)
            {
                if (late is null || refined++ >= MaxRefinements) break;
                prices = Between(late, onTime);
                continue;
            }
            var next = Raise(prices, attempt, request.Costs);
            if (next == prices) break;
            prices = next;
        }
        prices = best!.Prices;
        progress?.Report(new PlanProgress("lower bound", 0.75));
        // What every year the plan covers can build: the bound holds for any plan that ends by then, this one included.
        var caps = Capacities.Until(request.Phasing, view.AsOf, best.Scheduler.LastYear(request.Targets));
        var bound = CapacityBound.Compute(instance.Choice, best!.Choice, prices, EdgeRegion, caps, request.BoundIterations, cancel);
        progress?.Report(new PlanProgress("assembling", 0.95));
        return new PlanAssembly(view, request, instance, best.Works, best.Scheduler, baseline, bound).Build();
    }

    /// <summary>Subgradient steps of the Lagrangian heuristic that improves each round's choice.</summary>
    public const int ImproveIterations = 20;

    /// <summary>Bisection steps between late and on-time shadow prices.</summary>
    public const int MaxRefinements = 2;

    /// <summary>Rounds of re-choosing with shadow prices on the resources that made settlements late.</summary>
    public const int MaxPriceRounds = 8;

    private sealed record Attempt(ChoiceSolution Choice, Works Works, Scheduler Scheduler, Prices Prices)
    {
        public int Late { get; } = Enumerable.Range(0, Works.Inst.Count).Count(i => Scheduler.Earliest[i] is not null);

        public bool Met => Scheduler.AllMet;

        public bool Better(Attempt other) =>
            Met != other.Met ? Met : Late != other.Late ? Late < other.Late : Choice.Cost < other.Choice.Cost;
    }

    /// <summary>Prices half-way between a set that left settlements late and one that did not: a cheaper plan may still be on time.</summary>
    private static Prices Between(Prices late, Prices onTime)
    {
        static ImmutableDictionary<string, double> Mid(ImmutableDictionary<string, double> a, ImmutableDictionary<string, double> b) =>
            b.Keys.Union(a.Keys).ToImmutableDictionary(k => k, k => (a.GetValueOrDefault(k) + b.GetValueOrDefault(k)) / 2);
        return new Prices(Mid(late.PerKm, onTime.PerKm), Mid(late.PerSite, onTime.PerSite), (late.PerCapex + onTime.PerCapex) / 2, (late.PerPermit + onTime.PerPermit) / 2);
    }

    /// <summary>Doubles (or starts) the price of every resource that made a settlement late; the same prices when nothing can be priced.</summary>
    private static Prices Raise(Prices p, Attempt a, Costs.CostBook costs)
    {
        var (km, sites, capex, permit) = (p.PerKm, p.PerSite, p.PerCapex, p.PerPermit);
        foreach (var b in Enumerable.Range(0, a.Works.Inst.Count).Where(i => a.Scheduler.Earliest[i] is not null)
                     .Select(i => a.Scheduler.Binding[i]).OfType<(Resource Resource, string? Region)>().Distinct())
        {
            switch (b.Resource)
            {
                case Resource.FibreKm:
                    km = km.SetItem(b.Region!, km.TryGetValue(b.Region!, out var k) ? 2 * k : 0.5 * costs["fibre_per_km_paved_road"]);
                    break;
                case Resource.Sites:
                    sites = sites.SetItem(b.Region!, sites.TryGetValue(b.Region!, out var s) ? 2 * s : 0.5 * costs["site_new"]);
                    break;
                case Resource.Budget or Resource.RegionBudget:
                    capex = capex == 0 ? 0.25 : 2 * capex;
                    break;
                case Resource.Permit:
                    permit = permit == 0 ? costs["site_new"] : 2 * permit;
                    break;
            }
        }
        return km == p.PerKm && sites == p.PerSite && capex == p.PerCapex && permit == p.PerPermit ? p : new Prices(km, sites, capex, permit);
    }

    /// <summary>
    /// The rural settlements in scope before the plan: those it serves (customers) and those served today; people
    /// count with the same estimates as the plan lines (a settlement without a population gets its kind's median).
    /// </summary>
    private static Baseline Baseline(RegistryView view, PlanInstance instance)
    {
        var others = instance.AlreadyServed.Select(x => (Status: view.StatusOf(x.Settlement.Id), Population: (long)x.Demand.Population)).ToList();
        var total = others.Count + instance.Choice.Count;
        var people = others.Sum(x => x.Population) + instance.Choice.Customers.Sum(c => (long)c.Demand.Population);
        return new Baseline(total, others.Count(s => s.Status.Broadband), others.Count(s => s.Status.Meets100Mbps), others.Count(s => s.Status.OnFibre),
            people, others.Where(s => s.Status.Broadband).Sum(s => s.Population), others.Where(s => s.Status.Meets100Mbps).Sum(s => s.Population));
    }

    private static IProgress<PlanProgress>? Scaled(IProgress<PlanProgress>? outer, double start, double width) =>
        outer is null ? null : new SyncProgress<PlanProgress>(p => outer.Report(p with { Share = start + width * p.Share }));
}
