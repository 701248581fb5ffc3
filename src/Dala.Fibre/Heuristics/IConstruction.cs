using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>Builds a Steiner tree (edge ids) of an instance under the given edge costs, starting at a root.</summary>
internal interface IConstruction
{
    int[] Build(Instance inst, long[] costs, int root);
}

/// <summary>Improves a tree in place; true when it found something cheaper.</summary>
internal interface ITreeMove
{
    bool TryImprove(Instance inst, ref int[] tree);
}
