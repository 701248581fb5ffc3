namespace Dala.Fibre.Osm;

/// <summary>The OSMHeader block: its required_features must all be ones this reader implements.</summary>
internal static class PbfHeaderBlock
{
    /// <summary>The required features this reader understands (PBF Format: the OSM v0.6 schema and dense nodes).</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { "OsmSchema-V0.6", "DenseNodes" };

    public static void Check(PbfBlob blob, string source)
    {
        var unsupported = new List<string>();
        try
        {
            var r = new ProtoReader(blob.Data);
            while (r.Next(out var field, out var wire))
            {
                if (field != 4) r.Skip(field, wire);
                else
                {
                    r.Require(field, wire, WireType.LengthDelimited);
                    var feature = r.String();
                    if (!Supported.Contains(feature)) unsupported.Add(feature);
                }
            }
        }
        catch (ProtoException e)
        {
            throw OsmFormatException.AtOffset(source, blob.Offset, $"OSMHeader block, byte {e.Position} of its data: {e.Problem}", e);
        }
        if (unsupported.Count > 0)
            throw OsmFormatException.AtOffset(source, blob.Offset,
                $"unsupported required feature{(unsupported.Count > 1 ? "s" : "")} {string.Join(", ", unsupported.Select(f => $"'{f}'"))} (this reader supports {string.Join(", ", Supported)})");
    }
}
