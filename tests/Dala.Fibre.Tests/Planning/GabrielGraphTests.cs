using Dala.Fibre.Proxy;
using Dala.Geo;

namespace Dala.Fibre.Tests.Planning;

public class GabrielGraphTests
{
    [Fact]
    public void Matches_the_definition_on_random_places()
    {
        // Near the equator over a small box Mercator is a uniform scaling, so the definition can be checked in degrees.
        var rnd = new Random(5);
        var places = Enumerable.Range(0, 150).Select(_ => new LonLat(rnd.NextDouble(), rnd.NextDouble())).ToArray();
        var expected = new HashSet<(int, int)>();
        for (var a = 0; a < places.Length; a++)
        for (var b = a + 1; b < places.Length; b++)
        {
            var (mx, my) = ((places[a].Lon + places[b].Lon) / 2, (places[a].Lat + places[b].Lat) / 2);
            var r2 = Sq(places[a].Lon - mx) + Sq(places[a].Lat - my);
            if (!places.Where((_, k) => k != a && k != b).Any(p => Sq(p.Lon - mx) + Sq(p.Lat - my) <= r2)) expected.Add((a, b));
        }
        var actual = GabrielGraph.Edges(places).ToHashSet();
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public void The_long_side_of_an_obtuse_triangle_is_dropped()
    {
        LonLat[] places = [new(70, 45), new(70.02, 45), new(70.01, 45.002)];
        var edges = GabrielGraph.Edges(places).ToHashSet();
        Assert.Equal(new HashSet<(int, int)> { (0, 2), (1, 2) }, edges);
    }

    [Fact]
    public void Places_on_one_line_become_a_path_and_twins_a_zero_edge()
    {
        LonLat[] places = [new(70, 45), new(70.2, 45), new(70.1, 45), new(70.1, 45)];
        var edges = GabrielGraph.Edges(places).ToHashSet();
        Assert.Equal(new HashSet<(int, int)> { (2, 3), (0, 2), (1, 2) }, edges);
        Assert.Empty(GabrielGraph.Edges([]));
        Assert.Empty(GabrielGraph.Edges([new LonLat(1, 1)]));
    }

    [Fact]
    public void The_graph_over_the_national_settlements_is_connected_and_sparse()
    {
        var places = NationalSettlements.Registry.Snapshot.Settlements.Select(s => s.Location).ToArray();
        var edges = GabrielGraph.Edges(places);
        Assert.InRange(edges.Count, places.Length - 1, 3 * places.Length);
        var parent = Enumerable.Range(0, places.Length).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var (a, b) in edges) parent[Find(a)] = Find(b);
        Assert.Single(Enumerable.Range(0, places.Length).Select(Find).Distinct());
    }

    private static double Sq(double x) => x * x;
}
