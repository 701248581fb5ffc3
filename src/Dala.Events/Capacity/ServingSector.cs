using Dala.Events.Model;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Events.Capacity;

/// <summary>A sector that serves an event's place, with what it can carry for the crowd.</summary>
public sealed record ServingSector(string SiteId, string SectorId, string OperatorId, Technology Technology, double BandwidthMHz, double DistanceKm,
    double BitsPerHz, double CapacityMbps, bool Synthetic);

/// <summary>Which of the registry's sectors serve a place (the rule in <see cref="CapacityAssumptions"/>).</summary>
public static class ServingSectors
{
    public static IReadOnlyList<ServingSector> Find(EventPlace place, IEnumerable<Site> sites, CapacityAssumptions a)
    {
        var found = new List<ServingSector>();
        foreach (var site in sites)
        {
            if (site.OperatorId is null) continue;
            var km = place.DistanceKm(site.Location);
            if (km > a.ReachKm) continue;
            var bearing = CoverageEngine.Bearing(site.Location, place.Centre);
            foreach (var s in site.Sectors)
            {
                if (a.BitsPerHz(s.Technology) is not { } se) continue;
                if (km > 0 && s.Pattern != "omni" && OffBoresight(s.AzimuthDeg, bearing) > a.HalfBeamDeg) continue;
                found.Add(new ServingSector(site.Id, s.Id, site.OperatorId, s.Technology, s.BandwidthMHz, Math.Round(km, 3), se,
                    s.BandwidthMHz * se * (1 - a.ExistingLoad), site.Synthetic));
            }
        }
        return [.. found.OrderBy(f => f.OperatorId, StringComparer.Ordinal).ThenBy(f => f.SiteId, StringComparer.Ordinal).ThenBy(f => f.SectorId, StringComparer.Ordinal)];
    }

    /// <summary>Degrees between a boresight and a bearing, 0..180.</summary>
    public static double OffBoresight(double azimuthDeg, double bearingDeg)
    {
        var d = Math.Abs(azimuthDeg - bearingDeg) % 360;
        return d > 180 ? 360 - d : d;
    }
}
