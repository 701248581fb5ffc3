using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Radio.Calibration;

/// <summary>
/// A SYNTHETIC truth for calibration: tests whose measured throughput comes from the model with known terms
/// (L_true = L + a + b log10 d per operator and clutter or region) plus Gaussian noise of <see cref="SigmaDb"/> on the RSRP,
/// turned into throughput by the engine's link chain (<see cref="LinkChainInverse.MbpsAt"/>). Places are drawn around the
/// operators' sites at log-uniform distances from <see cref="MinKm"/> to <see cref="MaxKm"/>, and kept where the true
/// (noise-free) SINR lies at least <see cref="MarginSigmas"/> x sigma inside the window where throughput tells the SINR
/// (<see cref="LinkChainInverse.Window"/>): a choice of places by the model alone, not by the noise, so the tests dropped at
/// saturation or floor are too few to bias the fit. Deterministic for a seed.
/// </summary>
public sealed record SyntheticTruth(double SigmaDb = 4, double MinKm = 0.3, double MaxKm = 12, int Seed = 1, double MarginSigmas = 2)
{
    /// <summary>The place a test is made at: its settlement, region and clutter (null: drawn from the clutter list).</summary>
    public delegate (string? SettlementId, string? Region, Clutter? Clutter) Locate(LonLat at);

    /// <param name="truth">The true terms (a, b) of an operator and group class; (0, 0) for the uncalibrated model itself.</param>
    /// <param name="clutters">Clutter classes drawn for places whose <paramref name="locate"/> gives none.</param>
    public IReadOnlyList<CalibrationTest> Generate(IReadOnlyList<Site> sites, OperatorPredictor predictor, int count, DateTimeOffset end,
        Func<string, string, (double A, double B)> truth, CalibrationGrouping grouping = CalibrationGrouping.OperatorClutter,
        IReadOnlyList<Clutter>? clutters = null, Locate? locate = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var radio = sites.Where(s => s.OperatorId is not null && s.Sectors.Any(x => OperatorPredictor.IsRadio(x.Technology)))
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        if (radio.Length == 0) throw new ArgumentException("no operator site with a 4G or 5G sector to draw synthetic tests around");
        clutters ??= [Clutter.Rural];
        var rng = new Random(Seed);
        var tests = new List<CalibrationTest>(count);
        for (var i = 0; tests.Count < count && i < count * 20; i++)
        {
            var site = radio[rng.Next(radio.Length)];
            var access = site.Sectors.Where(x => OperatorPredictor.IsRadio(x.Technology)).Select(x => x.Technology).Distinct().Order().ToArray();
            var tech = access[rng.Next(access.Length)];
            var km = Math.Exp(Math.Log(MinKm) + rng.NextDouble() * (Math.Log(MaxKm) - Math.Log(MinKm)));
            var at = Offset(site.Location, rng.NextDouble() * 360, km);
            var (settlement, region, clutter) = locate?.Invoke(at) ?? (null, null, null);
            var cl = clutter ?? clutters[rng.Next(clutters.Count)];
            var noise = Normal(rng) * SigmaDb;
            var time = end.AddSeconds(-rng.NextDouble() * 90 * 86400);
            var p = predictor.Predict(site.OperatorId!, tech, at, cl, region);
            if (p is null) continue;
            var (a, b) = truth(site.OperatorId!, grouping.ClassOf(cl, region));
            var rsrp = p.Prediction.RsrpDbm!.Value;
            var trueRsrp = rsrp - a - b * CalibrationGroupings.LogKm(p.DistanceKm) + noise;
            var window = LinkChainInverse.Window(p.Carrier);
            var sinr = p.Prediction.SinrDb!.Value + (trueRsrp - noise - rsrp);
            if (sinr < window.FloorSinrDb + MarginSigmas * SigmaDb || sinr > window.SaturationSinrDb - MarginSigmas * SigmaDb) continue;
            var mbps = LinkChainInverse.MbpsAt(p.Carrier, rsrp, p.Prediction.SinrDb!.Value, trueRsrp);
            tests.Add(new CalibrationTest($"syn-cal{Seed}-{tests.Count}", time, at, site.OperatorId, tech, settlement, region, cl, mbps, null, true));
        }
        return tests;
    }

    /// <summary>The point <paramref name="km"/> away on <paramref name="bearingDeg"/> (spherical earth).</summary>
    public static LonLat Offset(LonLat from, double bearingDeg, double km)
    {
        const double R = 6371.0088;
        var (d, t) = (km / R, GeoMath.ToRad(bearingDeg));
        var (f1, l1) = (GeoMath.ToRad(from.Lat), GeoMath.ToRad(from.Lon));
        var f2 = Math.Asin(Math.Sin(f1) * Math.Cos(d) + Math.Cos(f1) * Math.Sin(d) * Math.Cos(t));
        var l2 = l1 + Math.Atan2(Math.Sin(t) * Math.Sin(d) * Math.Cos(f1), Math.Cos(d) - Math.Sin(f1) * Math.Sin(f2));
        return new LonLat(l2 * 180 / Math.PI, f2 * 180 / Math.PI);
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
