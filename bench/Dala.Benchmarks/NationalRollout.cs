using System.Diagnostics;
using System.Globalization;
using Dala.Registry.Import;
using Dala.Registry.Query;
using Dala.Registry.Scenario;
using Dala.Rollout.Choice;
using Dala.Rollout.Costs;
using Dala.Rollout.Exact;
using Dala.Rollout.Options;
using Dala.Rollout.Planning;
using Dala.Storage.Sqlite;

namespace Dala.Benchmarks;

/// <summary>
/// The national rollout plan as the acceptance asks it: the 7,098 OSM settlements with the SYNTHETIC scenario and
/// 2,000 SYNTHETIC sites on the proxy network, default cost book and budget; whole-plan time (several runs), NPV,
/// bound and gap; then the exact check: the heuristic against OR-Tools' MIP on regions of up to ~300 settlements.
/// </summary>
public static class NationalRollout
{
    public static int Run(int runs)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var dir = Directory.CreateTempSubdirectory("dala-rollout-bench");
        try
        {
            var store = new SqliteRegistryStore(Path.Combine(dir.FullName, "kz.db"));
            var clock = Dala.Geo.SystemClock.Instance;
            new RegionImporter(store, clock).Import(SharedData.Kz("regions-osm.geojson"));
            new SettlementImporter(store, clock).Import(SharedData.Kz("hotosm_kaz_populated_places_points.geojson"));
            new SyntheticScenario(store, clock).Seed();
            new SyntheticSites(store, clock).Seed(2000);
            var view = new RegistryView(store.ReadSnapshot(), DateOnly.FromDateTime(DateTime.UtcNow));
            for (var run = 1; run <= runs; run++)
            {
                var phases = new List<(string Phase, double At)>();
                var watch = Stopwatch.StartNew();
                var last = "";
                var plan = NationalPlanner.Run(view, new PlanRequest(), DateTimeOffset.UtcNow, new SyncProgress<PlanProgress>(p =>
                {
                    if (p.Phase != last) phases.Add((last = p.Phase, watch.Elapsed.TotalSeconds));
                }));
                var s = plan.Summary;
                Console.WriteLine(($"national plan run {run}: {watch.Elapsed.TotalSeconds:0.0} s; {s.Settlements:N0} rural settlements; NPV {s.TotalNpvTenge / 1e9:0.000} bn tenge, " +
                                    $"lower bound {s.LowerBoundTenge / 1e9:0.000} bn, gap {s.Gap * 100:0.000} %; targets met {s.TargetsMet}; capex {s.CapexTenge / 1e9:0.0} bn"));
                Console.WriteLine("  phases: " + string.Join(", ", phases.Select(p => F($"{p.Phase} @{p.At:0.0}s"))));
                Console.WriteLine("  " + string.Join("; ", s.Technologies.Select(t => F($"{t.Technology} {t.Settlements:N0}"))));
            }
            foreach (var region in new[] { "KZ-35", "KZ-31", "KZ-11", "KZ-10" })
            {
                var inst = InstanceBuilder.Build(view, CostBook.Default, new BuildSettings { Region = region }).Choice;
                var watch = Stopwatch.StartNew();
                var heuristic = ChoiceHeuristic.Solve(inst);
                var bound = LagrangianBound.Compute(inst, heuristic, 60);
                var chosen = bound.Improved ?? heuristic;
                var h = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var mip = ChoiceMip.Solve(inst, TimeSpan.FromMinutes(10), chosen);
                Console.WriteLine(($"exact check {region}: {inst.Count} settlements, {inst.Facilities.Length} facilities, {inst.FibreGraph.EdgeCount} edges; heuristic {chosen.Cost / 1e9:0.0000} bn ({h:0.0} s), " +
                                    $"MIP {mip.Objective / 1e9:0.0000} bn {mip.Status} ({mip.Rounds} cut rounds, {watch.Elapsed.TotalSeconds:0.0} s); heuristic +{(chosen.Cost - mip.Objective) / mip.Objective * 100:0.000} %, " +
                                    $"Lagrangian bound -{(mip.Objective - bound.Value) / mip.Objective * 100:0.000} %"));
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(true);
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
