using Dala.Geo;
using Dala.Radio.Link;

namespace Dala.Radio.Coverage;

public sealed partial class CoverageEngine
{
    public TargetPrediction Predict(CoverageTarget target)
    {
        var nearby = _index.Within(target.Location, _settings.SearchRadiusKm);
        if (nearby.Count == 0) return TargetPrediction.None(target.Id);
        var rxGround = GroundAt(target.Location);
        var links = new List<(string Site, string Sector, RadioLink Link, bool Terrain)>();
        foreach (var (site, km) in nearby)
        {
            var bearing = Bearing(site.Location, target.Location);
            var siteGround = site.GroundM ?? GroundAt(site.Location);
            var known = siteGround is not null && rxGround is not null;
            var antenna = (known ? siteGround!.Value : 0) + site.MastM;
            var receiver = (known ? rxGround!.Value : 0) + _settings.ReceiverHeightM;
            var geometry = LinkGeometry.FromHeights(bearing, Math.Max(km, 0.01) * 1000, antenna, receiver);
            var losses = new Dictionary<double, (double Db, bool Terrain)>();
            foreach (var s in site.Sectors)
            {
                if (!losses.TryGetValue(s.FrequencyMHz, out var loss))
                    losses[s.FrequencyMHz] = loss = _loss.LossDb(site.Location, site.MastM, target.Location, km, s.FrequencyMHz, target.Clutter);
                var extra = _settings.Correction?.ExtraLossDb(site.OperatorId, target.Clutter, target.Region, km) ?? 0;
                links.Add((site.Id, s.Id, new RadioLink(_sectors[(site.Id, s.Id)], Math.Max(0, loss.Db + extra), geometry), loss.Terrain));
            }
        }
        TargetPrediction? best = null;
        foreach (var layer in links.GroupBy(l => l.Link.Sector.Carrier.FrequencyMHz))
        {
            var candidates = layer.ToList();
            var serving = candidates.MaxBy(l => LinkBudget.ReceivedPowerDbm(l.Link, _settings.Receiver));
            var interferers = candidates.Where(l => !ReferenceEquals(l.Link, serving.Link)).Select(l => l.Link).ToList();
            var budget = LinkBudget.Evaluate(serving.Link, interferers, _settings.Receiver, _settings.InterfererLoad);
            var carrier = serving.Link.Sector.Carrier;
            var peak = CellThroughput.PeakDownlinkMbps(carrier, budget.SinrDb, ThroughputAssumptions.For(carrier.Technology));
            var covered = budget.RsrpDbm >= _settings.CoveredRsrpDbm;
            double? busy = null;
            var meets = false;
            if (covered && target.Population is { } pop)
            {
                var bh = BusyHourCheck.Evaluate(pop, peak, _settings.BusyHour);
                (busy, meets) = (bh.PerUserMbps, bh.MeetsTarget);
            }
            var p = new TargetPrediction(target.Id, serving.Site, serving.Sector, budget.RsrpDbm, budget.SinrDb, covered ? peak : 0, busy,
                covered, meets, serving.Terrain, nearby.Count);
            if (best is null || Better(p, best)) best = p;
        }
        return best!;
    }

    /// <summary>A covered layer beats an uncovered one; then the faster; then the stronger.</summary>
    private static bool Better(TargetPrediction a, TargetPrediction b) =>
        a.Covered != b.Covered ? a.Covered
        : a.PeakMbps != b.PeakMbps ? (a.PeakMbps ?? 0) > (b.PeakMbps ?? 0)
        : (a.RsrpDbm ?? double.MinValue) > (b.RsrpDbm ?? double.MinValue);

    /// <summary>Initial great-circle bearing from a to b, degrees clockwise from north.</summary>
    public static double Bearing(LonLat a, LonLat b)
    {
        var (f1, f2) = (GeoMath.ToRad(a.Lat), GeoMath.ToRad(b.Lat));
        var dl = GeoMath.ToRad(b.Lon - a.Lon);
        var y = Math.Sin(dl) * Math.Cos(f2);
        var x = Math.Cos(f1) * Math.Sin(f2) - Math.Sin(f1) * Math.Cos(f2) * Math.Cos(dl);
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }
}
