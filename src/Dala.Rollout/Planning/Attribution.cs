using Dala.Rollout.Options;
using Dala.Rollout.Phasing;

namespace Dala.Rollout.Planning;

/// <summary>
/// What each settlement's line carries of the plan's money: its own works, an equal share of the facility it uses
/// among the settlements using it, and an equal share of each new fibre edge among the settlements whose path runs
/// over it; NPV discounts each part from the year it is paid. The lines add up to the plan's totals.
/// </summary>
internal sealed class Attribution
{
    public Attribution(Works w, Scheduler s, Costs.CostBook costs)
    {
        var inst = w.Inst;
        var n = inst.Count;
        Capex = new double[n];
        Opex = new double[n];
        Npv = new double[n];
        var facilityUsers = FacilityUsers = new int[inst.Facilities.Length];
        var edgeUsers = new int[inst.FibreGraph.EdgeCount];
        for (var i = 0; i < n; i++)
        {
            if (s.Years[i] is null || w.Option(i) is not { } o) continue;
            if (o.Facility >= 0) facilityUsers[o.Facility]++;
            foreach (var e in w.Paths[i]) edgeUsers[e]++;
        }
        double D(int? year) => year is { } y ? costs.Discount(y - s.FirstYear) : 0;
        for (var i = 0; i < n; i++)
        {
            if (w.Option(i) is not { } o) continue;
            if (s.Interim[i] is { } iy)
            {
                var c = inst.Customers[i];
                var leoCapex = c.Demand.Homes * (costs["leo_terminal"] + costs["leo_install"]);
                var leoOpex = c.Demand.Homes * costs["leo_subscription_month"] * 12;
                var years = (s.Years[i] ?? iy + 1) - iy;
                Capex[i] += leoCapex;
                Npv[i] += (leoCapex + leoOpex * Math.Max(1, years)) * D(iy);
            }
            if (s.Years[i] is not { } y) continue;
            Capex[i] += o.Capex;
            Opex[i] += o.OpexPerYear;
            Npv[i] += o.Cost * D(y);
            if (o.Facility >= 0)
            {
                var f = inst.Facilities[o.Facility];
                var k = facilityUsers[o.Facility];
                Capex[i] += f.Capex / k;
                Opex[i] += f.OpexPerYear / k;
                Npv[i] += f.Cost / k * D(s.FacilityYears[o.Facility]);
            }
            foreach (var e in w.Paths[i])
            {
                var k = edgeUsers[e];
                Capex[i] += inst.EdgeCapex[e] / k;
                Opex[i] += inst.EdgeOpexPerYear[e] / k;
                Npv[i] += inst.FibreGraph.Cost(e) / (double)k * D(s.EdgeYears[e]);
            }
        }
    }

    /// <summary>Per facility, how many placed settlements use it (each pays an equal share).</summary>
    public int[] FacilityUsers { get; }

    public double[] Capex { get; }

    public double[] Opex { get; }

    public double[] Npv { get; }
}
