using Dala.Geo;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Radio.Tests.Calibration;

/// <summary>Two operators, each a 3 x 3 grid of omni LTE 800 MHz sites of 33 dBm EIRP 25 km apart (noise-limited), predicted with Okumura-Hata.</summary>
internal static class CalibrationFixture
{
    public static readonly DateTimeOffset End = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Site> Sites()
    {
        var sites = new List<Site>();
        foreach (var (op, lon0) in new[] { ("op-a", 70.0), ("op-b", 72.5) })
            for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                sites.Add(new Site($"{op}-{i}{j}", null, new LonLat(lon0 + i * 0.35, 50 + j * 0.225), null, 40, op,
                    [new Sector("A", 0, 0, 800, 10, 33, "omni", Technology.FourG)], "test", true));
        return sites;
    }

    public static OperatorPredictor Predictor(IReadOnlyList<Site> sites, ModelCorrection? correction = null) =>
        new(sites, new CoverageSettings { Model = "hata", SearchRadiusKm = 19.5, Correction = correction }, new PatternLibrary());
}
