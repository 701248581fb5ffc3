using Dala.Fibre.Bounds;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>Edge-cost variants that steer a construction: random noise, or a dual ascent's saturated arcs.</summary>
internal static class Perturbation
{
    public const long Scale = 1 << 10;

    /// <summary>Each cost times a random factor in [1, 1 + spread), in units of 1/<see cref="Scale"/>.</summary>
    public static long[] Noise(Instance inst, Random rng, double spread)
    {
        var costs = new long[inst.EdgeCount];
        for (var e = 0; e < costs.Length; e++)
            costs[e] = (long)(inst.Costs[e] * Scale * (1 + spread * rng.NextDouble()));
        return costs;
    }

    /// <summary>The cost on edges with a saturated arc; others cost that plus a penalty so they are used last.</summary>
    public static long[] Saturated(Instance inst, DualAscentResult da)
    {
        var penalty = Math.Min(inst.Costs.Sum() + 1, Algorithms.Voronoi.Infinity / 4);
        var costs = new long[inst.EdgeCount];
        for (var e = 0; e < costs.Length; e++)
            costs[e] = inst.Costs[e] + (da.Reduced[2 * e] == 0 || da.Reduced[2 * e + 1] == 0 ? 0 : penalty);
        return costs;
    }
}
