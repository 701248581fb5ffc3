using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>The rooted tree and Voronoi regions of the last tree asked for, shared by moves that need them.</summary>
internal sealed class TreeCache
{
    private int[]? _tree;
    private TreeVoronoi? _voronoi;

    public TreeVoronoi For(Instance inst, int[] tree)
    {
        if (!ReferenceEquals(tree, _tree) || _voronoi is null)
        {
            _voronoi = new TreeVoronoi(inst, new RootedTree(inst, tree));
            _tree = tree;
        }
        return _voronoi;
    }
}
