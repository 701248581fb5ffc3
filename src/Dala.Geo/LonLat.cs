namespace Dala.Geo;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct LonLat(double Lon, double Lat)
{
    public bool IsValid =>
        double.IsFinite(Lon) && double.IsFinite(Lat) && Lon is >= -180 and <= 180 && Lat is >= -90 and <= 90;

    /// <summary>Why this position is not a valid WGS84 coordinate, or null when it is.</summary>
    public string? Problem()
    {
        if (!double.IsFinite(Lon) || Lon is < -180 or > 180) return $"longitude {Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)} outside [-180, 180]";
        if (!double.IsFinite(Lat) || Lat is < -90 or > 90) return $"latitude {Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)} outside [-90, 90]";
        return null;
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Lon:0.######} {Lat:0.######}");
}
