using Dala.Rollout.Choice;

namespace Dala.Rollout.Exact;

public static partial class ChoiceMip
{
    private sealed partial class Model
    {
        public ChoiceSolution Extract()
        {
            var assigned = new int[_inst.Count];
            for (var i = 0; i < _inst.Count; i++)
            {
                assigned[i] = ChoiceSolution.Unserved;
                if (_fibre[i] is { } f && On(f)) assigned[i] = ChoiceSolution.Fibre;
                for (var k = 0; k < _x[i].Length; k++)
                    if (On(_x[i][k])) assigned[i] = k;
            }
            var edges = new List<int>();
            for (var a = 0; a < _arc.Length; a++)
                if (On(_arc[a])) edges.Add(a / 2);
            return new ChoiceSolution([.. assigned], [.. edges.Distinct()], ChoiceSolution.CostOf(_inst, assigned, edges.Distinct()));
        }

        /// <summary>Starts the search from a known plan (the heuristic's), its tree oriented away from the network.</summary>
        private void Hint(ChoiceSolution s)
        {
            var vars = new List<Google.OrTools.LinearSolver.Variable>();
            var values = new List<double>();
            void Set(Google.OrTools.LinearSolver.Variable v, bool on) { vars.Add(v); values.Add(on ? 1 : 0); }
            var open = new bool[_open.Length];
            for (var i = 0; i < _inst.Count; i++)
            {
                if (_fibre[i] is { } f) Set(f, s.Assigned[i] == ChoiceSolution.Fibre);
                for (var k = 0; k < _x[i].Length; k++)
                {
                    Set(_x[i][k], s.Assigned[i] == k);
                    if (s.Assigned[i] == k && _inst.Options[i][k].Facility >= 0) open[_inst.Options[i][k].Facility] = true;
                }
            }
            for (var j = 0; j < _open.Length; j++) Set(_open[j], open[j]);
            var arcs = Oriented(s.TreeEdges);
            var onTree = new bool[_node.Length];
            foreach (var a in arcs) onTree[_arcHead[a]] = onTree[_arcTail[a]] = true;
            for (var v = 0; v < _node.Length; v++) Set(_node[v], onTree[v] || _root[v]);
            var arcOn = new bool[_arc.Length];
            foreach (var a in arcs) arcOn[a] = true;
            for (var a = 0; a < _arc.Length; a++) Set(_arc[a], arcOn[a]);
            _solver.SetHint([.. vars], [.. values]);
        }

        private List<int> Oriented(IEnumerable<int> edges)
        {
            var n = _node.Length;
            var adjacency = new List<int>[n];
            for (var v = 0; v < n; v++) adjacency[v] = [];
            foreach (var e in edges)
            {
                adjacency[_arcTail[2 * e]].Add(2 * e);
                adjacency[_arcTail[2 * e + 1]].Add(2 * e + 1);
            }
            var seen = new bool[n];
            var queue = new Queue<int>();
            for (var v = 0; v < n; v++)
                if (_root[v]) { seen[v] = true; queue.Enqueue(v); }
            var result = new List<int>();
            while (queue.TryDequeue(out var v))
            {
                foreach (var a in adjacency[v])
                {
                    var w = _arcHead[a];
                    if (seen[w]) continue;
                    seen[w] = true;
                    result.Add(a);
                    queue.Enqueue(w);
                }
            }
            return result;
        }
    }
}
