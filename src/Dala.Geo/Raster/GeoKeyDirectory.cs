namespace Dala.Geo.Raster;

/// <summary>Reads the GeoKeyDirectoryTag (34735): a header of four SHORTs, then four SHORTs per key.</summary>
internal static class GeoKeyDirectory
{
    public static IReadOnlyDictionary<ushort, ushort> Parse(TiffField? field)
    {
        var keys = new Dictionary<ushort, ushort>();
        if (field is null) return keys;
        if (field.Type != TiffFieldType.Short) throw new TiffFormatException($"GeoKeyDirectoryTag has type {field.Type}, not SHORT");
        var v = field.Numbers().Select(x => (ushort)x).ToArray();
        if (v.Length < 4 || v[0] != 1) throw new TiffFormatException("GeoKeyDirectoryTag lacks the version-1 header");
        var n = v[3];
        if (v.Length != 4 + 4 * n) throw new TiffFormatException($"GeoKeyDirectoryTag holds {v.Length} SHORTs; {n} keys need {4 + 4 * n}");
        ushort previous = 0;
        for (var i = 0; i < n; i++)
        {
            var (id, location, count, value) = (v[4 + 4 * i], v[5 + 4 * i], v[6 + 4 * i], v[7 + 4 * i]);
            if (id <= previous) throw new TiffFormatException($"GeoKeys are not sorted by id: {id} follows {previous}");
            previous = id;
            if (location != 0 || count != 1)
                throw new TiffFormatException($"GeoKey {id} is stored in tag {location} ({count} values); this reader reads inline SHORT keys only");
            keys[id] = value;
        }
        return keys;
    }
}
