namespace Dala.Geo.Terrain;

/// <summary>
/// Height inside one tile's sample grid. Bilinear from the 4 samples around the point; when some of them are
/// void, the valid ones with their bilinear weights renormalised; when all 4 are void (or the only ones with
/// weight are), the mean of the valid samples on the nearest non-empty square ring around the nearest sample,
/// out to <see cref="VoidSearchRadius"/> samples, weighted by inverse squared distance; otherwise unknown.
/// The search stays inside the tile. Allocation-free.
/// </summary>
public static class HgtInterpolation
{
    /// <summary>How far the void search looks, in samples (3 = about 270 m for 3", 90 m for 1" tiles).</summary>
    public const int VoidSearchRadius = 3;

    /// <param name="samples">size x size heights, row 0 north, column 0 west.</param>
    /// <returns>The height, m; null outside the tile or when unknown.</returns>
    public static double? HeightAt(ReadOnlySpan<short> samples, int size, HgtTileName tile, double lon, double lat)
    {
        if (size < 2 || samples.Length != size * size)
            throw new ArgumentException($"{samples.Length} samples do not make a {size} x {size} grid", nameof(samples));
        var last = size - 1;
        var x = (lon - tile.WestLon) * last;
        var y = (tile.SouthLat + 1 - lat) * last;
        if (!(x >= 0 && x <= last && y >= 0 && y <= last)) return null;
        var col = Math.Min((int)x, last - 1);
        var row = Math.Min((int)y, last - 1);
        double fx = x - col, fy = y - row;
        var i = row * size + col;
        int nw = samples[i], ne = samples[i + 1], sw = samples[i + size], se = samples[i + size + 1];
        if (nw != HgtFormat.Void && ne != HgtFormat.Void && sw != HgtFormat.Void && se != HgtFormat.Void)
            return (nw * (1 - fx) + ne * fx) * (1 - fy) + (sw * (1 - fx) + se * fx) * fy;

        double sum = 0, weight = 0;
        Add(nw, (1 - fx) * (1 - fy), ref sum, ref weight);
        Add(ne, fx * (1 - fy), ref sum, ref weight);
        Add(sw, (1 - fx) * fy, ref sum, ref weight);
        Add(se, fx * fy, ref sum, ref weight);
        return weight > 0 ? sum / weight : SearchOutward(samples, size, x, y);
    }

    private static void Add(int sample, double w, ref double sum, ref double weight)
    {
        if (sample == HgtFormat.Void || w <= 0) return;
        sum += sample * w;
        weight += w;
    }

    private static double? SearchOutward(ReadOnlySpan<short> samples, int size, double x, double y)
    {
        var c0 = (int)Math.Round(x);
        var r0 = (int)Math.Round(y);
        for (var k = 1; k <= VoidSearchRadius; k++)
        {
            double sum = 0, weight = 0;
            for (var r = Math.Max(0, r0 - k); r <= Math.Min(size - 1, r0 + k); r++)
            {
                var edgeRow = r == r0 - k || r == r0 + k;
                var step = edgeRow ? 1 : 2 * k;
                for (var c = c0 - k; c <= c0 + k; c += step)
                {
                    if (c < 0 || c >= size) continue;
                    int s = samples[r * size + c];
                    if (s == HgtFormat.Void) continue;
                    double dx = c - x, dy = r - y;
                    var w = 1 / (dx * dx + dy * dy);
                    sum += s * w;
                    weight += w;
                }
            }
            if (weight > 0) return sum / weight;
        }
        return null;
    }
}
