using Dala.Fibre.Planning;
using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Fibre.Tests.Planning;

/// <summary>
/// The acceptance case: the proxy graph over the 7,098 OSM settlements, every village and hamlet of 200+ people
/// connected to the cities and towns as the backbone. (Its speed is measured in bench/, not asserted here.)
/// </summary>
public class NationalProxyPlanTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_village_of_200_or_more_is_connected_to_a_town_with_a_proven_bound()
    {
        var view = NationalSettlements.Registry;
        Assert.Equal(7098, view.Snapshot.Settlements.Count);
        var report = FibrePlanning.Run(view, new FibrePlanRequest());
        var plan = report.Plan;
        output.WriteLine($"{report.Selection.Connect.Length} to connect, {report.Selection.Backbone.Length} backbone, network {report.NetworkNodes} nodes / {report.NetworkEdges} edges");
        output.WriteLine($"{plan.Km:N0} km, {plan.CostTenge:N0} tenge, bound {plan.LowerBoundTenge:N0}, gap {plan.Gap:P2}, {plan.Elapsed.TotalSeconds:0.0} s ({plan.Finish})");

        var byId = view.Snapshot.SettlementsById;
        Assert.Equal(2203, report.Selection.Connect.Length);
        Assert.Equal(192, report.Selection.Backbone.Length);
        Assert.Equal(RouteNetwork.Proxy, plan.NetworkKind);
        Assert.Empty(plan.Unreachable);
        Assert.Equal(report.Selection.Connect.Length, plan.Paths.Length);
        Assert.InRange(plan.LowerBoundTenge, 1, plan.CostTenge);
        Assert.True(plan.Gap < 0.05, $"gap {plan.Gap:P2}");
        Assert.Equal(plan.Routes.Sum(r => r.CostTenge), plan.CostTenge, 6);
        foreach (var path in plan.Paths)
        {
            var end = byId[path.BackboneId!];
            Assert.Contains(end.Kind, new[] { SettlementKind.City, SettlementKind.Town });
            var start = byId[path.SettlementId];
            Assert.True(path.Km >= 1.2 * GeoMath.DistanceKm(start.Location, end.Location) - 1e-6, $"{path.SettlementId}: {path.Km} km");
            Assert.Equal(start.Location, path.Line[0]);
            Assert.Equal(end.Location, path.Line[^1]);
        }
    }
}
