using Dala.Fibre.Steiner;

namespace Dala.Fibre.Reduction;

/// <summary>Runs the reduction tests in turn until a round changes little (or the deadline share is spent).</summary>
internal static class Reducer
{
    private static readonly IReduction[] Tests =
        [new DegreeTest(), new NearestVertexTest(), new DegreeTest(), new SpecialDistanceTest(), new DegreeTest(), new LongEdgeTest()];

    public static int Run(WorkGraph g, Deadline deadline)
    {
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var edits = 0;
            foreach (var test in Tests)
            {
                if (g.TerminalCount <= 1 || deadline.Used(0.3)) return total + edits;
                deadline.Spend(g.AliveEdges);
                edits += test.Apply(g);
            }
            total += edits;
            if (edits == 0) break;
        }
        return total;
    }
}
