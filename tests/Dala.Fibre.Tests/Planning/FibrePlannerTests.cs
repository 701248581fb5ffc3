using System.Collections.Immutable;
using Dala.Fibre.Planning;
using Dala.Fibre.Proxy;
using Dala.Fibre.Roads;
using Dala.Fibre.Steiner;
using Dala.Geo;
using Dala.Registry.Model;
using static Dala.Fibre.Tests.Planning.NationalSettlements;

namespace Dala.Fibre.Tests.Planning;

public class FibrePlannerTests
{
    private static readonly SteinerOptions Quick = SteinerOptions.Default with { TimeLimit = TimeSpan.FromSeconds(2) };

    // A town at the west end of a line of villages going east (0.1° ≈ 11.1 km at 0° latitude), and a hamlet of 50
    // people just north of the middle village that is not asked for.
    private static readonly Settlement[] Line =
    [
        Place("town", SettlementKind.Town, 20_000, 0.0, 0),
        Place("v1", SettlementKind.Village, 900, 0.1, 0),
        Place("v2", SettlementKind.Village, 300, 0.2, 0),
        Place("v3", SettlementKind.Village, 250, 0.3, 0),
        Place("small", SettlementKind.Hamlet, 50, 0.2, 0.05),
        Place("unknown", SettlementKind.Village, null, 0.2, -0.05),
    ];

    [Fact]
    public void Villages_on_a_line_are_chained_to_the_town_with_their_paths()
    {
        var report = FibrePlanning.Run(Of(Line), new FibrePlanRequest { Solver = Quick });
        var plan = report.Plan;
        Assert.Equal(["v1", "v2", "v3"], report.Selection.Connect.Order());
        Assert.Equal(["town"], report.Selection.Backbone.ToArray());
        Assert.Equal(3, plan.Routes.Length);
        var leg = 1.2 * GeoMath.DistanceKm(new LonLat(0, 0), new LonLat(0.1, 0));
        Assert.Equal(3 * leg, plan.Km, 6);
        Assert.Equal(Math.Round(leg * CostBook.Default.PerKm(CostClass.PavedRoad)) * 3, plan.CostTenge);
        Assert.Equal(plan.CostTenge, plan.LowerBoundTenge);
        Assert.Equal(0, plan.Gap);
        var v3 = plan.Paths.Single(p => p.SettlementId == "v3");
        Assert.Equal("town", v3.BackboneId);
        Assert.Equal(["v2", "v1"], v3.Via.ToArray());
        Assert.Equal(3 * leg, v3.Km, 6);
        Assert.Equal([new LonLat(0.3, 0), new LonLat(0.2, 0), new LonLat(0.1, 0), new LonLat(0, 0)], v3.Line.ToArray());
        Assert.Empty(plan.Paths.Single(p => p.SettlementId == "v1").Via);
    }

    [Fact]
    public void The_cheaper_of_two_towns_is_used_and_the_backbone_costs_nothing()
    {
        Settlement[] places =
        [
            Place("west", SettlementKind.Town, 5_000, 0.0, 0),
            Place("east", SettlementKind.City, 90_000, 1.0, 0),
            Place("near-east", SettlementKind.Village, 400, 0.9, 0),
            Place("near-west", SettlementKind.Village, 400, 0.2, 0),
        ];
        var plan = FibrePlanning.Run(Of(places), new FibrePlanRequest { Solver = Quick }).Plan;
        Assert.Equal("east", plan.Paths.Single(p => p.SettlementId == "near-east").BackboneId);
        Assert.Equal("west", plan.Paths.Single(p => p.SettlementId == "near-west").BackboneId);
        Assert.Equal(1.2 * (GeoMath.DistanceKm(new(0.9, 0), new(1, 0)) + GeoMath.DistanceKm(new(0, 0), new(0.2, 0))), plan.Km, 6);
    }

    [Fact]
    public void Lower_population_and_other_kinds_widen_the_choice()
    {
        var all = PlanSelection.Of(Of(Line), new FibrePlanRequest { MinPopulation = 0 });
        Assert.Equal(["small", "unknown", "v1", "v2", "v3"], all.Connect.Order());
        var villages = PlanSelection.Of(Of(Line), new FibrePlanRequest { MinPopulation = 40, Kinds = [SettlementKind.Village] });
        Assert.Equal(["v1", "v2", "v3"], villages.Connect.Order());
    }

    [Fact]
    public void Settlements_off_the_network_are_named_as_unreachable()
    {
        var network = ProxyNetwork.Build([("town", new LonLat(0, 0)), ("v1", new LonLat(0.1, 0))], CostBook.Default);
        var plan = FibrePlanner.Default.Plan(network, ["v1", "elsewhere"], ["town"], Quick);
        Assert.Equal(["elsewhere"], plan.Unreachable.ToArray());
        Assert.Single(plan.Paths);
    }

    [Fact]
    public void A_disconnected_road_network_names_the_villages_it_cannot_reach()
    {
        var b = new Graphs.GraphBuilder(3);
        b.AddEdge(0, 1, 100);
        var network = new RouteNetwork(b.Build(), [new(0, 0), new(0.1, 0), new(5, 5)], [1.0], [CostClass.MinorRoad],
            new Dictionary<string, int> { ["town"] = 0, ["v1"] = 1, ["island"] = 2 }.ToImmutableDictionary(), RouteNetwork.Roads, "test roads");
        var plan = FibrePlanner.Default.Plan(network, ["v1", "island"], ["town"], Quick);
        Assert.Equal(["island"], plan.Unreachable.ToArray());
        Assert.Equal(100, plan.CostTenge);
    }

    [Fact]
    public void An_unknown_region_or_an_empty_backbone_is_refused_with_a_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => FibrePlanning.Run(Of(Line), new FibrePlanRequest { Region = "nowhere" }));
        Assert.Contains("unknown region 'nowhere'", e.Message);
        e = Assert.Throws<ArgumentException>(() => FibrePlanning.Run(Of(Line.Skip(1)), new FibrePlanRequest()));
        Assert.Contains("no city or town", e.Message);
        e = Assert.Throws<ArgumentException>(() => FibrePlanning.Run(Of(Line), new FibrePlanRequest { Backbone = BackboneChoice.Fibre }));
        Assert.Contains("on fibre", e.Message);
    }

    [Fact]
    public void Towns_and_fibre_takes_a_village_on_fibre_as_backbone_instead_of_connecting_it()
    {
        // v2 is on fibre already (a SYNTHETIC record): with the towns alone it is still planned; with both it is a
        // point of presence, so v3 hangs off it and the plan is one leg shorter.
        var records = new[] { new ConnectivityRecord("v2", Technology.Fibre, "op", 100, 100, new DateOnly(2025, 1, 1), "test", Synthetic: true) };
        var regions = new[] { new Region("R", new Names("R"), null, "test") };
        var view = new Dala.Registry.Query.RegistryView(
            new Dala.Registry.Store.RegistrySnapshot(1, regions, Line, [], records, [], [], null, null), new DateOnly(2026, 11, 21));

        var towns = FibrePlanning.Run(view, new FibrePlanRequest { Solver = Quick });
        Assert.Equal(["v1", "v2", "v3"], towns.Selection.Connect.Order());
        Assert.False(towns.Selection.Synthetic);

        var both = FibrePlanning.Run(view, new FibrePlanRequest { Backbone = BackboneChoice.TownsAndFibre, Solver = Quick });
        Assert.Equal(["v1", "v3"], both.Selection.Connect.Order());
        Assert.Equal(["town", "v2"], both.Selection.Backbone.Order());
        Assert.True(both.Selection.Synthetic); // the backbone rests on a synthetic record
        var leg = 1.2 * GeoMath.DistanceKm(new LonLat(0, 0), new LonLat(0.1, 0));
        Assert.Equal(2 * leg, both.Plan.Km, 6);
        Assert.Equal("v2", both.Plan.Paths.Single(p => p.SettlementId == "v3").BackboneId);
        Assert.Equal("towns-and-fibre", BackboneChoice.TownsAndFibre.WireName());
        Assert.Equal(BackboneChoice.TownsAndFibre, BackboneChoices.Parse("towns-and-fibre"));
        Assert.Null(BackboneChoices.Parse("roads"));
    }
}
