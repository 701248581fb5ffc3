using Dala.Fibre.Graphs;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Tests;

/// <summary>Small random connected graphs (random spanning tree plus extra edges) with random terminals.</summary>
internal static class RandomInstances
{
    public static SteinerProblem Problem(int seed, int maxNodes = 30, int maxTerminals = 9, int maxCost = 10)
    {
        var rng = new Random(seed);
        var n = rng.Next(4, maxNodes + 1);
        var b = new GraphBuilder(n);
        for (var v = 1; v < n; v++) b.AddEdge(v, rng.Next(v), Cost(rng, maxCost));
        var extra = rng.Next(0, 2 * n);
        for (var i = 0; i < extra; i++)
        {
            int u = rng.Next(n), v = rng.Next(n);
            if (u != v) b.AddEdge(u, v, Cost(rng, maxCost));
        }
        var t = rng.Next(2, Math.Min(maxTerminals, n) + 1);
        return new SteinerProblem(b.Build(), Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(t));
    }

    public static Instance Of(SteinerProblem p) => Instance.Of(p.Graph, p.Terminals);

    private static long Cost(Random rng, int max) => rng.Next(10) == 0 ? 0 : rng.Next(1, max + 1);
}
