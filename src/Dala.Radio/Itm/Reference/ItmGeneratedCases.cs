namespace Dala.Radio.Itm.Reference;

/// <summary>
/// Seeded point-to-point cases across ITM's input space (profiles of 100..2,000 points over rolling, ridged and
/// flat terrain; 20 MHz..20 GHz; every climate, polarization and variability mode): the same seed gives the same
/// cases on any machine (SplitMix64, no System.Random). For golden tables and side-by-side benchmarks.
/// </summary>
public static class ItmGeneratedCases
{
    private static readonly int[] Mdvars = [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33];

    /// <summary><paramref name="count"/> cases; <paramref name="points"/> fixes the profile length (elevations), else 100..2,000.</summary>
    public static IReadOnlyList<ItmPointToPointInput> PointToPoint(ulong seed, int count, int? points = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (points is < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "a profile needs at least 2 points");
        var rng = new SplitMix64(seed);
        var cases = new ItmPointToPointInput[count];
        for (var i = 0; i < count; i++) cases[i] = One(ref rng, points ?? 100 + (int)rng.Below(1901));
        return cases;
    }

    private static ItmPointToPointInput One(ref SplitMix64 rng, int points)
    {
        var distanceM = LogUniform(ref rng, 1_000, 200_000);
        var profile = Terrain(ref rng, points, distanceM);
        var tx = LogUniform(ref rng, 1, 500);
        var rx = LogUniform(ref rng, 1, 100);
        var f = LogUniform(ref rng, 20, 20_000);
        var climate = (RadioClimate)(1 + (int)rng.Below(7));
        var n0 = 250 + 150 * rng.Unit();
        var ground = new GroundConstants(4 + 77 * rng.Unit(), LogUniform(ref rng, 0.001, 5));
        var pol = (Polarization)(int)rng.Below(2);
        var mdvar = Mdvars[rng.Below((ulong)Mdvars.Length)];
        var variability = ItmVariability.FromMdvar(mdvar, Percent(ref rng), Percent(ref rng), Percent(ref rng));
        return new ItmPointToPointInput(profile, tx, rx, f, new ItmEnvironment(climate, n0, ground, pol), variability);
    }

    private static TerrainProfile Terrain(ref SplitMix64 rng, int points, double distanceM)
    {
        var z = new double[points];
        var kind = rng.Below(3);
        var baseM = 2_000 * rng.Unit();
        var amplitude = kind == 0 ? 0.0 : LogUniform(ref rng, 1, 400);
        var wave = LogUniform(ref rng, 500, 30_000);
        var ridgeAt = distanceM * rng.Unit();
        var ridgeWidth = LogUniform(ref rng, 200, 5_000);
        var ridgeHeight = kind == 2 ? LogUniform(ref rng, 10, 800) : 0.0;
        var walk = 0.0;
        var step = distanceM / (points - 1);
        for (var i = 0; i < points; i++)
        {
            var x = i * step;
            walk += kind == 0 ? 0.0 : (rng.Unit() - 0.5) * amplitude * 0.05;
            var ridge = (x - ridgeAt) / ridgeWidth;
            z[i] = Math.Round(baseM + amplitude * Math.Sin(x / wave) + ridgeHeight * Math.Exp(-ridge * ridge) + walk, 1);
        }
        return new TerrainProfile(step, z);
    }

    private static double Percent(ref SplitMix64 rng) => 1 + 98 * rng.Unit();

    private static double LogUniform(ref SplitMix64 rng, double low, double high) => low * Math.Exp(Math.Log(high / low) * rng.Unit());

    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
        public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

        public ulong Below(ulong n) => Next() % n;
    }
}
