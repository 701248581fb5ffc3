using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>Per-edge data of a <see cref="RoadNetwork"/>, indexed by graph edge id; polylines in one flat array.</summary>
internal sealed class RoadEdges
{
    private readonly List<LonLat> _points = [];
    private readonly List<int> _start = [0];
    private readonly List<double> _km = [];
    private readonly List<RoadClass> _classes = [];
    private readonly List<long> _wayIds = [];
    private LonLat[] _pointArray = [];
    private int[] _startArray = [0];

    public IReadOnlyList<double> Km => _km;

    public IReadOnlyList<RoadClass> Classes => _classes;

    public IReadOnlyList<long> WayIds => _wayIds;

    public int LoopsDropped { get; private set; }

    public double TotalKm { get; private set; }

    public void Add(double km, RoadClass road, long wayId, ReadOnlySpan<LonLat> polyline)
    {
        _km.Add(km);
        _classes.Add(road);
        _wayIds.Add(wayId);
        _points.AddRange(polyline);
        _start.Add(_points.Count);
        TotalKm += km;
    }

    public void DropLoop() => LoopsDropped++;

    /// <summary>Freezes the polylines into arrays; call once when all edges are added.</summary>
    public RoadEdges Seal()
    {
        _pointArray = [.. _points];
        _startArray = [.. _start];
        _points.Clear();
        _points.TrimExcess();
        return this;
    }

    public ReadOnlySpan<LonLat> Geometry(int edge) =>
        _pointArray.AsSpan(_startArray[edge], _startArray[edge + 1] - _startArray[edge]);
}
