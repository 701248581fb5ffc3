using System.Collections.Concurrent;
using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Dala.Quality.Intake;

/// <summary>
/// Puts a measurement on the registry: the region whose polygon holds its point, and the nearest settlement
/// within <see cref="SettlementRadiusKm"/>; or, given a settlement, that settlement's region.
/// </summary>
/// <remarks>
/// Millions of tests fall in a few thousand places, so the region test is answered from cells: a cell (1 degree,
/// halved down to 1/128 degree) that meets exactly one region's polygon and lies wholly inside it answers for every
/// point in it, a cell that meets none answers "no region", and only points in cells on a border get the exact
/// polygon test. Cells are classified once, when first asked, so the answers are those of the exact test.
/// </remarks>
public sealed class Placement
{
    public const double SettlementRadiusKm = 3;
    private const double Cell = 0.05;
    private const int MaxLevel = 7;
    private const int NoRegion = -1;
    private const int Border = -2;
    private readonly PolygonLocator<string> _regions;
    private readonly (string Code, IPreparedGeometry Shape, Envelope Envelope)[] _shapes;
    private readonly ConcurrentDictionary<(int Level, int X, int Y), int> _cells = new();
    private readonly SettlementGrid _grid;
    private readonly IReadOnlyDictionary<string, Settlement> _byId;

    public Placement(RegistrySnapshot snapshot)
    {
        var regions = snapshot.Regions.Where(r => r.Area is not null).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        _regions = new PolygonLocator<string>(regions.Select(r => (r.Code, r.Area!)));
        _shapes = [.. regions.Select(r => (r.Code, PreparedGeometryFactory.Prepare(r.Area!), r.Area!.EnvelopeInternal))];
        _byId = snapshot.SettlementsById;
        _grid = new SettlementGrid(snapshot.Settlements, Cell);
    }

    public Settlement? SettlementById(string id) => _byId.GetValueOrDefault(id);

    public string? RegionAt(LonLat p)
    {
        for (var level = 0; level <= MaxLevel; level++)
        {
            var size = 1.0 / (1 << level);
            var key = (level, (int)Math.Floor(p.Lon / size), (int)Math.Floor(p.Lat / size));
            var answer = _cells.GetOrAdd(key, static (k, self) => self.Classify(k), this);
            if (answer == NoRegion) return null;
            if (answer >= 0) return _shapes[answer].Code;
        }
        return _regions.TryLocate(p, out var code) ? code : null;
    }

    /// <summary>The one region wholly covering the cell and meeting no other, <see cref="NoRegion"/> when none meets it, else <see cref="Border"/>.</summary>
    private int Classify((int Level, int X, int Y) cell)
    {
        var size = 1.0 / (1 << cell.Level);
        var box = new Envelope(cell.X * size, (cell.X + 1) * size, cell.Y * size, (cell.Y + 1) * size);
        var rect = Geo.Io.GeoJsonGeometry.Factory.ToGeometry(box);
        var found = NoRegion;
        for (var i = 0; i < _shapes.Length; i++)
        {
            if (!_shapes[i].Envelope.Intersects(box) || !_shapes[i].Shape.Intersects(rect)) continue;
            if (found != NoRegion) return Border;
            found = i;
        }
        return found == NoRegion || _shapes[found].Shape.Covers(rect) ? found : Border;
    }

    public Settlement? NearestSettlement(LonLat p) => _grid.Nearest(p, SettlementRadiusKm);
}
