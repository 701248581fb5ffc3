using System.Globalization;
using Dala.Events.Disruption;
using Dala.Events.Model;
using Dala.Geo;

namespace Dala.Events.Synthetic;

/// <summary>A SYNTHETIC test with where it was taken.</summary>
public readonly record struct PlacedTest(EventTest Test, LonLat Location);

/// <summary>
/// SYNTHETIC speed tests around an event (labelled synthetic everywhere), for the demonstration and the detector's tests:
/// per operator <c>perWindow</c> tests in each baseline week's window, in the hours before the event and in the event,
/// at random times and places inside the place; downloads log-normal (sigma 0.5) around 30, 40, 50 ... Mbit/s by
/// operator. An operator given a drop share loses that share of its speed for the tests after the first quarter of the
/// event (the crowd builds up). Deterministic for a seed.
/// </summary>
public static class SyntheticEventTests
{
    public static IReadOnlyList<PlacedTest> Make(MassEvent e, IReadOnlyList<string> operators, int perWindow, int seed,
        IReadOnlyDictionary<string, double> dropShare, DisruptionSettings s)
    {
        var rng = new Random(seed);
        var list = new List<PlacedTest>();
        var windows = DisruptionDetector.Windows(e, s).ToArray();
        for (var o = 0; o < operators.Count; o++)
        {
            var op = operators[o];
            var median = 30 + 10 * o;
            var drop = dropShare.GetValueOrDefault(op);
            foreach (var (from, to) in windows)
            {
                var isEvent = from == e.Start;
                for (var i = 0; i < perWindow; i++)
                {
                    var t = from + TimeSpan.FromSeconds(Math.Floor(rng.NextDouble() * (to - from).TotalSeconds));
                    var down = median * Math.Exp(Normal(rng) * 0.5);
                    if (isEvent && t >= e.Start + e.Duration / 4) down *= 1 - drop;
                    var id = string.Create(CultureInfo.InvariantCulture, $"syn-ev-{e.Id}-{seed}-{op}-{list.Count}");
                    list.Add(new PlacedTest(new EventTest(id, t, op, Math.Round(down, 3), true), PointIn(e.Place, rng)));
                }
            }
        }
        return list;
    }

    /// <summary>The tests as stored measurements (source import, SYNTHETIC).</summary>
    public static IReadOnlyList<Quality.Model.Measurement> Measurements(IEnumerable<PlacedTest> tests) =>
    [
        .. tests.Select(p => new Quality.Model.Measurement
        {
            Id = p.Test.Id, Time = p.Test.Time, Location = p.Location, OperatorId = p.Test.OperatorId, DownMbps = p.Test.DownMbps,
            Source = Quality.Model.MeasurementSource.Import, Synthetic = true,
        }),
    ];

    /// <summary>A uniform point in the place (rejection from its bounding box).</summary>
    public static LonLat PointIn(EventPlace place, Random rng)
    {
        var (minLon, minLat, maxLon, maxLat) = Box(place);
        for (var i = 0; i < 1000; i++)
        {
            var p = new LonLat(minLon + rng.NextDouble() * (maxLon - minLon), minLat + rng.NextDouble() * (maxLat - minLat));
            if (place.Contains(p)) return p;
        }
        return place.Centre;
    }

    private static (double, double, double, double) Box(EventPlace place)
    {
        if (place.Polygon is { } ring) return (ring.Min(p => p.Lon), ring.Min(p => p.Lat), ring.Max(p => p.Lon), ring.Max(p => p.Lat));
        var r = place.RadiusKm!.Value;
        var dLat = r / 110.57;
        var dLon = r / (111.32 * Math.Cos(GeoMath.ToRad(place.Centre.Lat)));
        return (place.Centre.Lon - dLon, place.Centre.Lat - dLat, place.Centre.Lon + dLon, place.Centre.Lat + dLat);
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
