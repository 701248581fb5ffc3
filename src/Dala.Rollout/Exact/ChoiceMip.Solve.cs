using Dala.Rollout.Choice;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Exact;

public static partial class ChoiceMip
{
    private sealed partial class Model
    {
        public double BestBound => _solver.Objective().BestBound();

        public Solver.ResultStatus Solve(TimeSpan limit, ChoiceSolution? hint)
        {
            _solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
            if (hint is not null) Hint(hint);
            var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-6);
            return _solver.Solve(parameters);
        }

        private static bool On(Variable v) => v.SolutionValue() > 0.5;

        /// <summary>The pieces of the chosen tree that the existing network does not reach (each a list of nodes).</summary>
        public List<List<int>> Disconnected()
        {
            var n = _node.Length;
            var adjacency = new List<int>[n];
            for (var v = 0; v < n; v++) adjacency[v] = [];
            for (var a = 0; a < _arc.Length; a++)
            {
                if (!On(_arc[a])) continue;
                adjacency[_arcTail[a]].Add(_arcHead[a]);
                adjacency[_arcHead[a]].Add(_arcTail[a]);
            }
            var seen = new bool[n];
            var queue = new Queue<int>();
            for (var v = 0; v < n; v++)
                if (_root[v]) { seen[v] = true; queue.Enqueue(v); }
            Spread(queue, seen, adjacency, null);
            var pieces = new List<List<int>>();
            for (var v = 0; v < n; v++)
            {
                if (seen[v] || !On(_node[v])) continue;
                var piece = new List<int> { v };
                seen[v] = true;
                queue.Enqueue(v);
                Spread(queue, seen, adjacency, piece);
                pieces.Add(piece);
            }
            return pieces;
        }

        private static void Spread(Queue<int> queue, bool[] seen, List<int>[] adjacency, List<int>? into)
        {
            while (queue.TryDequeue(out var v))
            {
                foreach (var w in adjacency[v])
                {
                    if (seen[w]) continue;
                    seen[w] = true;
                    into?.Add(w);
                    queue.Enqueue(w);
                }
            }
        }

        /// <summary>Some arc must enter the piece from outside for any of its nodes to be on the tree.</summary>
        public void Cut(List<int> piece)
        {
            var inside = piece.ToHashSet();
            var entering = new List<int>();
            for (var a = 0; a < _arc.Length; a++)
                if (inside.Contains(_arcHead[a]) && !inside.Contains(_arcTail[a])) entering.Add(a);
            foreach (var w in piece)
            {
                var c = _solver.MakeConstraint(0, double.PositiveInfinity);
                foreach (var a in entering) c.SetCoefficient(_arc[a], 1);
                c.SetCoefficient(_node[w], -1);
            }
        }
    }
}
