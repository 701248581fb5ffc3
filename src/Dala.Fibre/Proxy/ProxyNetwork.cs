using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Fibre.Planning;
using Dala.Fibre.Roads;
using System.Globalization;
using Dala.Geo;

namespace Dala.Fibre.Proxy;

/// <summary>
/// The route network used when no road data is loaded: the Gabriel graph over the settlements, each edge the
/// great-circle distance times a detour factor (default 1.2, what open cost models use for "along the road"),
/// priced as a trench along a paved road (<see cref="CostBook.PavedRoadPerKm"/>). Labelled <see cref="RouteNetwork.Proxy"/> wherever it is shown.
/// </summary>
public static class ProxyNetwork
{
    public const double DefaultDetour = 1.2;

    public static RouteNetwork Build(IReadOnlyList<(string Id, LonLat Position)> settlements, CostBook costs, double detour = DefaultDetour)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        ArgumentNullException.ThrowIfNull(costs);
        if (!(detour >= 1) || !double.IsFinite(detour)) throw new ArgumentOutOfRangeException(nameof(detour), "the detour factor must be at least 1");
        var positions = settlements.Select(s => s.Position).ToImmutableArray();
        var perKm = costs.PerKm(CostClass.PavedRoad);
        var builder = new GraphBuilder(settlements.Count);
        var km = ImmutableArray.CreateBuilder<double>();
        foreach (var (a, b) in GabrielGraph.Edges(positions))
        {
            var d = GeoMath.DistanceKm(positions[a], positions[b]) * detour;
            builder.AddEdge(a, b, (long)Math.Round(d * perKm));
            km.Add(d);
        }
        for (var i = 0; i < positions.Length; i++) builder.SetCoordinate(i, positions[i].Lon, positions[i].Lat);
        var anchors = ImmutableDictionary.CreateBuilder<string, int>();
        for (var i = 0; i < settlements.Count; i++) anchors.TryAdd(settlements[i].Id, i);
        return new RouteNetwork(builder.Build(), positions, km.ToImmutable(), [.. Enumerable.Repeat(CostClass.PavedRoad, km.Count)], anchors.ToImmutable(),
            RouteNetwork.Proxy,
            string.Create(CultureInfo.InvariantCulture,
                $"proxy: Gabriel graph over {settlements.Count:N0} settlements, straight line × {detour:0.##}, trench along a road at {perKm:N0} tenge/km (no road data)"))
        {
            NodeSettlement = [.. settlements.Select(s => (string?)s.Id)],
        };
    }
}
