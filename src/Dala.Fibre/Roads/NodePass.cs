using Dala.Fibre.Osm;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>Second pass of the extraction: the positions of the nodes the selected ways reference (ids sorted, distinct).</summary>
internal sealed class NodePass(long[] wanted) : IOsmHandler
{
    private readonly LonLat[] _positions = new LonLat[wanted.Length];
    private readonly bool[] _found = new bool[wanted.Length];

    public OsmElements Wants => OsmElements.Nodes;

    public void Node(long id, LonLat position, OsmTags tags)
    {
        if (wanted.Length == 0 || id < wanted[0] || id > wanted[^1]) return;
        var i = Array.BinarySearch(wanted, id);
        if (i < 0) return;
        _positions[i] = position;
        _found[i] = true;
    }

    public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags)
    {
    }

    /// <summary>The ids and positions of the nodes found, ids ascending.</summary>
    public (long[] Ids, LonLat[] Positions) Found()
    {
        var n = _found.Count(f => f);
        var ids = new long[n];
        var positions = new LonLat[n];
        for (int i = 0, k = 0; i < wanted.Length; i++)
        {
            if (!_found[i]) continue;
            ids[k] = wanted[i];
            positions[k++] = _positions[i];
        }
        return (ids, positions);
    }
}
