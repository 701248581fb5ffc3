using System.Globalization;

namespace Dala.Fibre.Stp;

/// <summary>Writes an <see cref="StpInstance"/> as STP 1.0; reading it back with the graph's cost scale gives it again.</summary>
public static class StpWriter
{
    public static void Write(StpInstance instance, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(w);
        var g = instance.Graph;
        w.WriteLine("33D32945 STP File, STP Format Version 1.0");
        w.WriteLine();
        w.WriteLine("SECTION Comment");
        foreach (var f in instance.Comment) w.WriteLine($"{f.Key} \"{f.Value.Replace('"', '\'')}\"");
        w.WriteLine("END");
        w.WriteLine();
        w.WriteLine("SECTION Graph");
        w.WriteLine(Invariant($"Nodes {g.NodeCount}"));
        w.WriteLine(Invariant($"Edges {g.EdgeCount}"));
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var edge = g.Edge(e);
            w.WriteLine(Invariant($"E {edge.U + 1} {edge.V + 1} {Weight(edge.Cost, g.CostScale)}"));
        }
        w.WriteLine("END");
        w.WriteLine();
        w.WriteLine("SECTION Terminals");
        w.WriteLine(Invariant($"Terminals {instance.Terminals.Count(t => t != instance.Root)}"));
        if (instance.Root is { } root) w.WriteLine(Invariant($"Root {root + 1}"));
        foreach (var t in instance.Terminals.Where(t => t != instance.Root)) w.WriteLine(Invariant($"T {t + 1}"));
        w.WriteLine("END");
        w.WriteLine();
        if (g.HasCoordinates)
        {
            w.WriteLine("SECTION Coordinates");
            for (var v = 0; v < g.NodeCount; v++)
            {
                var c = g.Coordinate(v)!.Value;
                w.WriteLine(Invariant($"DD {v + 1} {c.X:R} {c.Y:R}"));
            }
            w.WriteLine("END");
            w.WriteLine();
        }
        w.WriteLine("EOF");
    }

    public static string Write(StpInstance instance)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        Write(instance, w);
        return w.ToString();
    }

    private static string Weight(long cost, double scale) =>
        scale == 1 ? cost.ToString(CultureInfo.InvariantCulture) : (cost / scale).ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
