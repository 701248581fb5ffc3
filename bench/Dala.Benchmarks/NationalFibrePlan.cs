using System.Diagnostics;
using System.Globalization;
using Dala.Fibre.Planning;
using Dala.Registry.Import;
using Dala.Registry.Query;
using Dala.Storage.Sqlite;

namespace Dala.Benchmarks;

/// <summary>
/// The national proxy plan: the 9,899-point OSM export imported (7,098 settlements), every village and hamlet of
/// 200+ people connected to the cities and towns, at several time budgets: build and solve times, km, cost, gap.
/// </summary>
public static class NationalFibrePlan
{
    public static int Run(IReadOnlyList<double> budgets)
    {
        var dir = Directory.CreateTempSubdirectory("dala-fibre-bench");
        try
        {
            var store = new SqliteRegistryStore(Path.Combine(dir.FullName, "kz.db"));
            var clock = Dala.Geo.SystemClock.Instance;
            new RegionImporter(store, clock).Import(SharedData.Kz("regions-osm.geojson"));
            new SettlementImporter(store, clock).Import(SharedData.Kz("hotosm_kaz_populated_places_points.geojson"));
            var view = new RegistryView(store.ReadSnapshot(), DateOnly.FromDateTime(DateTime.UtcNow));
            foreach (var seconds in budgets.Count > 0 ? budgets : [5, 10, 20])
            {
                var request = new FibrePlanRequest { Solver = FibrePlanRequest.DefaultSolver with { TimeLimit = TimeSpan.FromSeconds(seconds) } };
                var watch = Stopwatch.StartNew();
                var report = FibrePlanning.Run(view, request);
                var total = watch.Elapsed.TotalSeconds;
                var p = report.Plan;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"national proxy plan, budget {seconds} s: {report.Selection.Connect.Length} settlements to {p.BackboneSettlements} backbone; graph {report.NetworkNodes} nodes / {report.NetworkEdges} edges; " +
                    $"{p.Km:N0} km, {p.CostTenge / 1e9:0.00} bn tenge, bound {p.LowerBoundTenge / 1e9:0.00} bn, gap {p.Gap * 100:0.000} %, solve {p.Elapsed.TotalSeconds:0.00} s ({p.Finish}), whole run {total:0.00} s"));
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(true);
        }
    }
}
