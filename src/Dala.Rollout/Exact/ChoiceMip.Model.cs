using System.Collections.Immutable;
using Dala.Rollout.Choice;
using Dala.Rollout.Options;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Exact;

public static partial class ChoiceMip
{
    private sealed partial class Model
    {
        private readonly ChoiceInstance _inst;
        private readonly Solver _solver;
        private readonly Variable[][] _x;
        private readonly Variable?[] _fibre;
        private readonly Variable[] _open;
        private readonly Variable[] _node;
        private readonly Variable[] _arc;
        private readonly bool[] _root;
        private readonly int[] _arcTail;
        private readonly int[] _arcHead;

        public Model(ChoiceInstance inst, string solverName)
        {
            _inst = inst;
            _solver = Solver.CreateSolver(solverName) ?? throw new InvalidOperationException($"OR-Tools has no {solverName} solver here");
            var g = inst.FibreGraph;
            var objective = _solver.Objective();
            _open = [.. inst.Facilities.Select((f, j) => Var($"y{j}", f.Cost))];
            _x = new Variable[inst.Count][];
            _fibre = new Variable?[inst.Count];
            _root = new bool[g.NodeCount];
            foreach (var r in inst.RootSet) _root[r] = true;
            _node = [.. Enumerable.Range(0, g.NodeCount).Select(v => _root[v] ? _solver.MakeIntVar(1, 1, $"t{v}") : _solver.MakeIntVar(0, 1, $"t{v}"))];
            _arcTail = new int[2 * g.EdgeCount];
            _arcHead = new int[2 * g.EdgeCount];
            _arc = new Variable[2 * g.EdgeCount];
            for (var e = 0; e < g.EdgeCount; e++)
            {
                var edge = g.Edge(e);
                (_arcTail[2 * e], _arcHead[2 * e], _arcTail[2 * e + 1], _arcHead[2 * e + 1]) = (edge.U, edge.V, edge.V, edge.U);
                _arc[2 * e] = Var($"a{2 * e}", _root[edge.V] ? 0 : edge.Cost);
                _arc[2 * e + 1] = Var($"a{2 * e + 1}", _root[edge.U] ? 0 : edge.Cost);
                if (_root[edge.V]) _arc[2 * e].SetUb(0);
                if (_root[edge.U]) _arc[2 * e + 1].SetUb(0);
            }
            for (var i = 0; i < inst.Count; i++)
            {
                var one = _solver.MakeConstraint(1, 1, $"serve{i}");
                var opts = inst.Options[i];
                _x[i] = new Variable[opts.Length];
                for (var k = 0; k < opts.Length; k++)
                {
                    _x[i][k] = Var($"x{i}_{k}", opts[k].Cost);
                    one.SetCoefficient(_x[i][k], 1);
                    if (opts[k].Facility >= 0) _solver.Add(_x[i][k] <= _open[opts[k].Facility]);
                }
                if (inst.FibreOption[i] is { } f && inst.Customers[i].Node >= 0 && !inst.RootSet.IsEmpty)
                {
                    _fibre[i] = Var($"f{i}", f.Cost);
                    one.SetCoefficient(_fibre[i], 1);
                    _solver.Add(_fibre[i]! <= _node[inst.Customers[i].Node]);
                }
                if (opts.Length == 0 && _fibre[i] is null) one.SetBounds(0, 1);
            }
            Tree(g.NodeCount);
            objective.SetMinimization();
        }

        private Variable Var(string name, double cost)
        {
            var v = _solver.MakeIntVar(0, 1, name);
            _solver.Objective().SetCoefficient(v, cost);
            return v;
        }

        /// <summary>Each non-root node on the tree has exactly one arc in; an arc leaves only a node on the tree.</summary>
        private void Tree(int nodes)
        {
            var into = new List<int>[nodes];
            for (var v = 0; v < nodes; v++) into[v] = [];
            for (var a = 0; a < _arc.Length; a++) into[_arcHead[a]].Add(a);
            for (var v = 0; v < nodes; v++)
            {
                if (_root[v]) continue;
                var c = _solver.MakeConstraint(0, 0, $"in{v}");
                foreach (var a in into[v]) c.SetCoefficient(_arc[a], 1);
                c.SetCoefficient(_node[v], -1);
            }
            for (var a = 0; a < _arc.Length; a++)
            {
                if (_root[_arcTail[a]]) continue;
                _solver.Add(_arc[a] <= _node[_arcTail[a]]);
                _solver.Add(_arc[a] + _arc[a ^ 1] <= _node[_arcTail[a]]);
            }
        }
    }
}
