using System.Collections.Immutable;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

public static partial class LagrangianBound
{
    /// <summary>
    /// The Lagrangian heuristic: at each multiplier set, the customers the relaxed fibre tree reaches go on fibre and
    /// the rest are placed by the facility search; the best such choice, polished by the alternating heuristic,
    /// replaces the given one when it is cheaper.
    /// </summary>
    internal sealed class Primal(ChoiceInstance inst, ChoiceSolution given, bool enabled)
    {
        private readonly ChoiceSolution _given = given;
        private ChoiceSolution _best = given;
        private readonly HashSet<string> _tried = [];

        public void Try(bool[] onFibre, ImmutableArray<int> tree)
        {
            if (!enabled || !_tried.Add(Convert.ToBase64String(Pack(onFibre)))) return;
            var (solution, _) = ChoiceHeuristic.Complete(inst, onFibre, tree, null);
            if (solution.Cost < _best.Cost - 1e-6) _best = solution;
        }

        public ChoiceSolution? Finish(CancellationToken cancel)
        {
            if (!enabled || ReferenceEquals(_best, _given)) return null;
            var polished = ChoiceHeuristic.Solve(inst, ChoiceOptions.Default with { Rounds = 2, SteinerPolish = TimeSpan.Zero }, cancel, _best);
            return polished.Cost < _given.Cost - 1e-6 ? polished : null;
        }

        private static byte[] Pack(bool[] bits)
        {
            var bytes = new byte[(bits.Length + 7) / 8];
            for (var i = 0; i < bits.Length; i++)
                if (bits[i]) bytes[i >> 3] |= (byte)(1 << (i & 7));
            return bytes;
        }
    }
}
