using System.Globalization;
using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Query;

namespace Dala.Quality.Synthetic;

/// <summary>
/// SYNTHETIC speed tests for demonstrations and benchmarks (labelled synthetic everywhere): tests near
/// settlements, more where more people live; speeds drawn around what the settlement's current technology
/// gives (fibre ~150, 5G ~120, 4G ~25, fixed wireless ~20, satellite ~60, 3G ~3 Mbit/s median); the operator of
/// its connectivity; times over the year before today; about 5% too short to pass the validity rules; a client address
/// from the IPv6 documentation prefix 2001:db8::/32 (never a real network), one of eight /48s per settlement, so that
/// rules counting distinct client networks have something to count.
/// Deterministic for a seed. Written as CSV rows in the import layout.
/// </summary>
public static class SyntheticMeasurements
{
    public static readonly string[] Header = ["id", "time", "lon", "lat", "down_mbps", "up_mbps", "latency_ms", "bytes", "duration_s", "operator", "access", "source", "synthetic", "client_ip"];

    public static IEnumerable<string[]> Rows(RegistryView view, int count, int seed)
    {
        var rng = new Random(seed);
        var served = view.Snapshot.Settlements.Where(s => view.StatusOf(s.Id).Broadband || view.StatusOf(s.Id).Technology == Technology.ThreeG).ToArray();
        if (served.Length == 0) yield break;
        var weights = served.Select(s => Math.Sqrt(s.Population.Count ?? 100)).ToArray();
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
        var end = view.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var n = 0; n < count; n++)
        {
            var k = Array.BinarySearch(cumulative, rng.NextDouble() * sum);
            var s = served[k < 0 ? ~k : k];
            var status = view.StatusOf(s.Id);
            var tech = status.Technology!.Value;
            var median = tech switch { Technology.Fibre => 150, Technology.FiveG => 120, Technology.FourG => 25, Technology.FixedWireless => 20, Technology.Satellite => 60, _ => 3 };
            var down = Math.Round(median * Math.Exp(Normal(rng) * 0.6), 3);
            var up = Math.Round(down * (0.2 + rng.NextDouble() * 0.3), 3);
            var latency = Math.Round((tech == Technology.Satellite ? 45 : tech == Technology.Fibre ? 8 : 30) * Math.Exp(Normal(rng) * 0.4), 1);
            var shortTest = rng.NextDouble() < 0.05;
            var seconds = shortTest ? Math.Round(2 + rng.NextDouble() * 5, 2) : Math.Round(9.5 + rng.NextDouble(), 2);
            var bytes = (long)(down * 1e6 / 8 * seconds);
            var at = end.AddSeconds(-rng.NextDouble() * 365 * 86400);
            var dLon = (rng.NextDouble() - 0.5) * 0.02;
            var dLat = (rng.NextDouble() - 0.5) * 0.02;
            var op = status.Active.FirstOrDefault(a => a.Technology == tech)?.OperatorId;
            yield return
            [
                $"syn-m{seed}-{n}", at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), F(s.Location.Lon + dLon), F(s.Location.Lat + dLat),
                F(down), F(up), F(latency), bytes.ToString(CultureInfo.InvariantCulture), F(seconds), op ?? "", tech.WireName(), "ndt7-client", "true",
                ClientAddress(k < 0 ? ~k : k, n),
            ];
        }
    }

    /// <summary>2001:db8:SSSS:N::1 with SSSS from the settlement's index and N = 0..7 from the row: eight /48 networks per settlement.</summary>
    private static string ClientAddress(int settlement, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"2001:db8:{(settlement * 8 + (int)((uint)row * 2654435761u >> 29)) & 0xffff:x}::1");

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
