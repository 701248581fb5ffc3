namespace Dala.Geo.Terrain;

/// <summary>
/// The shorter great-circle arc between two points on the sphere of <see cref="GeoMath.EarthRadiusKm"/>, with
/// spherical linear interpolation along it. Allocation-free.
/// </summary>
public readonly struct GreatCircleArc
{
    private readonly double _ax, _ay, _az, _bx, _by, _bz, _sinAngle;

    /// <exception cref="ArgumentOutOfRangeException">A point is not a valid WGS84 position.</exception>
    /// <exception cref="ArgumentException">The points are antipodal (no unique great circle).</exception>
    public GreatCircleArc(LonLat from, LonLat to)
    {
        if (from.Problem() is { } pf) throw new ArgumentOutOfRangeException(nameof(from), from, pf);
        if (to.Problem() is { } pt) throw new ArgumentOutOfRangeException(nameof(to), to, pt);
        From = from;
        To = to;
        AngleRad = GeoMath.DistanceKm(from, to) / GeoMath.EarthRadiusKm;
        if (Math.PI - AngleRad < 1e-9) throw new ArgumentException($"{from} and {to} are antipodal: no unique great circle", nameof(to));
        (_ax, _ay, _az) = Unit(from);
        (_bx, _by, _bz) = Unit(to);
        _sinAngle = Math.Sin(AngleRad);
    }

    public LonLat From { get; }

    public LonLat To { get; }

    /// <summary>Central angle, radians.</summary>
    public double AngleRad { get; }

    /// <summary>Length, m (the same haversine distance as <see cref="GeoMath.DistanceKm"/>).</summary>
    public double DistanceM => AngleRad * GeoMath.EarthRadiusKm * 1000.0;

    /// <summary>The point at <paramref name="fraction"/> of the way (0 = From, 1 = To, both exact).</summary>
    public LonLat At(double fraction)
    {
        if (fraction <= 0) return From;
        if (fraction >= 1) return To;
        if (AngleRad < 1e-12) return new LonLat(From.Lon + (To.Lon - From.Lon) * fraction, From.Lat + (To.Lat - From.Lat) * fraction);
        var wa = Math.Sin((1 - fraction) * AngleRad) / _sinAngle;
        var wb = Math.Sin(fraction * AngleRad) / _sinAngle;
        double x = wa * _ax + wb * _bx, y = wa * _ay + wb * _by, z = wa * _az + wb * _bz;
        return new LonLat(Deg(Math.Atan2(y, x)), Deg(Math.Atan2(z, Math.Sqrt(x * x + y * y))));
    }

    private static (double X, double Y, double Z) Unit(LonLat p)
    {
        double lon = GeoMath.ToRad(p.Lon), lat = GeoMath.ToRad(p.Lat);
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }

    private static double Deg(double rad) => rad * 180.0 / Math.PI;
}
