using Dala.Fibre.Osm;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>First pass of the extraction: the selected ways (class, id, node ids with repeats in a row removed).</summary>
internal sealed class WayPass(RoadSelection selection) : IOsmHandler
{
    public LongList Refs { get; } = new();

    public List<int> Start { get; } = [0];

    public List<RoadClass> Classes { get; } = [];

    public List<long> Ids { get; } = [];

    public int WaysRead { get; private set; }

    public int Dropped { get; private set; }

    public OsmElements Wants => OsmElements.Ways;

    public void Node(long id, LonLat position, OsmTags tags)
    {
    }

    public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags)
    {
        WaysRead++;
        if (selection.Classify(tags) is not { } road) return;
        var start = Refs.Count;
        foreach (var n in nodeIds)
            if (Refs.Count == start || Refs[Refs.Count - 1] != n) Refs.Add(n);
        if (Refs.Count - start < 2)
        {
            Refs.Truncate(start);
            Dropped++;
            return;
        }
        Start.Add(Refs.Count);
        Classes.Add(road);
        Ids.Add(id);
    }
}
