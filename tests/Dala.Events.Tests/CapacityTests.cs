using Dala.Events.Capacity;
using Dala.Events.Model;
using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Events.Tests;

public sealed class CapacityTests
{
    private static readonly LonLat Centre = new(71.4021, 51.1081);

    private static LonLat Offset(double eastKm, double northKm) =>
        new(Centre.Lon + eastKm / (111.32 * Math.Cos(GeoMath.ToRad(Centre.Lat))), Centre.Lat + northKm / 110.57);

    private static Sector S(string id, double az, double bw, Technology t = Technology.FourG) => new(id, az, 4, t == Technology.FiveG ? 3500 : 1800, bw, 61, "3gpp", t);

    /// <summary>
    /// Worked by hand. Place: a circle of 0.5 km. Demand: 30,000 x 0.2 active x 0.5 Mbit/s = 3,000 Mbit/s, split equally between
    /// A, B and C (every operator with sites): 1,000 Mbit/s each. Defaults: reach 1 km, half beam 60 degrees, 4G 2.2 and 5G 7.8
    /// bit/s/Hz, load 0.5, an extra carrier 20 MHz x 2.2 = 44 Mbit/s, a COW 3 x 20 x 2.2 = 132 Mbit/s.
    /// - A: a site inside the place (all three 20 MHz 4G sectors serve): 3 x 20 x 2.2 x 0.5 = 66 Mbit/s; deficit 934;
    ///   carriers ceil(934 / 44) = 22, capped at 3 sectors x 1 = 3 (132 Mbit/s); rest 802 -> COWs ceil(802 / 132 = 6.08) = 7;
    ///   COWs alone ceil(934 / 132 = 7.08) = 8.
    /// - B: a site 1.2 km north (0.7 km from the edge, inside the 1 km reach); the bearing to the centre is 180 degrees.
    ///   Sectors: 4G 10 MHz at 150 (30 off: serves) = 10 x 2.2 x 0.5 = 11; 5G 100 MHz at 180 (0 off: serves) =
    ///   100 x 7.8 x 0.5 = 390; 4G 20 MHz at 0 (180 off: does not). Capacity 401, deficit 599; carriers min(ceil(599 / 44) = 14,
    ///   2) = 2 (88); rest 511 -> COWs ceil(3.87) = 4; alone ceil(4.54) = 5.
    /// - C: a site 3 km east (2.5 km from the edge): out of reach. Capacity 0, deficit 1,000, no sector for a carrier,
    ///   COWs ceil(7.58) = 8.
    /// </summary>
    [Fact]
    public void Hand_worked_example()
    {
        var e = new MassEvent("hand", "Hand-worked", EventPlace.Circle(Centre, 0.5), DateTimeOffset.Parse("2026-11-28T14:00:00Z"),
            DateTimeOffset.Parse("2026-11-28T18:00:00Z"), 30_000, true);
        Site Site(string id, string op, LonLat at, params Sector[] s) => new(id, null, at, null, 30, op, s, "test", true);
        var sites = new[]
        {
            Site("a1", "A", Offset(0.1, 0), S("1", 0, 20), S("2", 120, 20), S("3", 240, 20)),
            Site("b1", "B", Offset(0, 1.2), S("1", 150, 10), S("2", 180, 100, Technology.FiveG), S("3", 0, 20)),
            Site("c1", "C", Offset(3, 0), S("1", 270, 20)),
        };
        var r = CapacityPlanner.Run(e, sites, ["A", "B", "C"], new DemandAssumptions { ShareActive = 0.2, MbpsPerActiveUser = 0.5 }, CapacityAssumptions.Default);

        Assert.Equal(3000, r.TotalDemandMbps, 9);
        var (a, b, c) = (r.Operators[0], r.Operators[1], r.Operators[2]);
        Assert.Equal(("A", 3, 66.0, 934.0, 3, 7, 8), (a.OperatorId, a.Sectors, Math.Round(a.CapacityMbps, 9), Math.Round(a.DeficitMbps, 9), a.ExtraCarriers, a.Cows, a.CowsAlone));
        Assert.Equal(("B", 2, 401.0, 599.0, 2, 4, 5), (b.OperatorId, b.Sectors, Math.Round(b.CapacityMbps, 9), Math.Round(b.DeficitMbps, 9), b.ExtraCarriers, b.Cows, b.CowsAlone));
        Assert.Equal(("C", 0, 0.0, 1000.0, 0, 8, 8), (c.OperatorId, c.Sectors, c.CapacityMbps, Math.Round(c.DeficitMbps, 9), c.ExtraCarriers, c.Cows, c.CowsAlone));
        Assert.Equal(1000.0 / 3, a.DemandShare * 1000, 9);
        Assert.True(a.AddedMbps >= a.DeficitMbps && b.AddedMbps >= b.DeficitMbps && c.AddedMbps >= c.DeficitMbps);
    }

    [Fact]
    public void Market_shares_split_the_demand_and_no_deficit_needs_no_advice()
    {
        var e = new MassEvent("m", "M", EventPlace.Circle(Centre, 0.5), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(2), 1000, false);
        var site = new Site("a1", null, Centre, null, 30, "A", [S("1", 0, 20)], "test", false);
        var r = CapacityPlanner.Run(e, [site], ["A", "B"],
            new DemandAssumptions { ShareActive = 0.1, MbpsPerActiveUser = 0.1, Split = DemandSplit.MarketShare, MarketShares = new Dictionary<string, double> { ["A"] = 0.75, ["B"] = 0.25 } },
            CapacityAssumptions.Default);
        // 1000 x 0.1 x 0.1 = 10 Mbit/s: A 7.5 against 22 Mbit/s (no deficit); B 2.5 against nothing: one COW.
        Assert.Equal((7.5, 0.0, 0, 0), (r.Operators[0].DemandMbps, r.Operators[0].DeficitMbps, r.Operators[0].ExtraCarriers, r.Operators[0].Cows));
        Assert.Equal((2.5, 2.5, 1), (r.Operators[1].DemandMbps, r.Operators[1].DeficitMbps, r.Operators[1].Cows));
        Assert.False(r.Synthetic);
    }

    [Fact]
    public void Shares_over_one_are_refused()
    {
        var d = new DemandAssumptions { Split = DemandSplit.MarketShare, MarketShares = new Dictionary<string, double> { ["A"] = 0.8, ["B"] = 0.3 } };
        Assert.Equal("the shares add up to more than 1", d.SharesProblem());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemandAssumptions { ShareActive = 0 });
    }

    [Fact]
    public void Polygon_places_contain_and_measure()
    {
        var ring = new[] { Offset(-0.5, -0.5), Offset(0.5, -0.5), Offset(0.5, 0.5), Offset(-0.5, 0.5), Offset(-0.5, -0.5) };
        var place = EventPlace.Area(ring);
        Assert.Equal(4, place.Polygon!.Count);
        Assert.True(place.Contains(Centre));
        Assert.False(place.Contains(Offset(0.6, 0)));
        Assert.Equal(1.0, place.DistanceKm(Offset(1.5, 0)), 2);
        Assert.Empty(place.Problems());
        Assert.Equal(place, PlaceJson.Read(PlaceJson.Write(place)));
        Assert.Contains(EventPlace.Area([Centre, Offset(1, 0), Offset(2, 0)]).Problems(), p => p.Reason == "encloses no area");
    }

    [Fact]
    public void Bad_events_name_their_fields()
    {
        var e = new MassEvent("Bad Id", "", EventPlace.Circle(new LonLat(200, 51), 0), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, false);
        var fields = e.Problems().Select(p => p.Field).ToArray();
        Assert.Equal(["id", "name", "crowd", "end", "place", "radius_km"], fields);
    }
}
