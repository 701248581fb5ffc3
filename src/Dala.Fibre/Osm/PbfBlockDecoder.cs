using Dala.Geo;

namespace Dala.Fibre.Osm;

/// <summary>
/// Decodes OSMData blocks (PrimitiveBlock) into handler calls. One decoder serves a whole file and reuses its
/// buffers from block to block. Problems are reported as the block's file offset plus the byte in its
/// uncompressed data.
/// </summary>
internal sealed partial class PbfBlockDecoder(string source)
{
    private readonly OsmStringTable _strings = new();
    private readonly LongList _ids = new(), _lats = new(), _lons = new(), _keys = new(), _vals = new(), _pairs = new();
    private long _granularity, _latOffset, _lonOffset;

    public void Decode(PbfBlob blob, IOsmHandler handler)
    {
        try
        {
            ReadBlockFields(blob);
            if (handler.Wants == OsmElements.None) return;
            var r = new ProtoReader(blob.Data);
            while (r.Next(out var field, out var wire))
            {
                if (field != 2 || wire != WireType.LengthDelimited) r.Skip(field, wire);
                else ReadGroup(r.Message(), handler);
            }
        }
        catch (ProtoException e)
        {
            throw OsmFormatException.AtOffset(source, blob.Offset, $"OSMData block, byte {e.Position} of its uncompressed data: {e.Problem}", e);
        }
    }

    /// <summary>First pass: the string table and the coordinate scale, which protobuf writes after the groups.</summary>
    private void ReadBlockFields(PbfBlob blob)
    {
        _strings.Reset(blob.Buffer);
        (_granularity, _latOffset, _lonOffset) = (100, 0, 0);
        var r = new ProtoReader(blob.Data);
        while (r.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: r.Require(field, wire, WireType.LengthDelimited); ReadStrings(r.Message()); break;
                case 17: r.Require(field, wire, WireType.Varint); _granularity = r.Int32(); break;
                case 19: r.Require(field, wire, WireType.Varint); _latOffset = r.Int64(); break;
                case 20: r.Require(field, wire, WireType.Varint); _lonOffset = r.Int64(); break;
                default: r.Skip(field, wire); break;
            }
        }
        if (_granularity <= 0) throw new ProtoException(0, $"granularity {_granularity} is not positive");
    }

    private void ReadStrings(ProtoReader r)
    {
        while (r.Next(out var field, out var wire))
        {
            if (field != 1) r.Skip(field, wire);
            else
            {
                r.Require(field, wire, WireType.LengthDelimited);
                var (start, length) = r.BytesRange();
                _strings.AddRange(start, length);
            }
        }
    }

    private void ReadGroup(ProtoReader g, IOsmHandler handler)
    {
        var nodes = handler.Wants.HasFlag(OsmElements.Nodes);
        var ways = handler.Wants.HasFlag(OsmElements.Ways);
        while (g.Next(out var field, out var wire))
        {
            if (field is 1 or 2 or 3 && wire == WireType.LengthDelimited && (field == 3 ? ways : nodes))
            {
                var m = g.Message();
                if (field == 1) ReadNode(m, handler);
                else if (field == 2) ReadDense(m, handler);
                else ReadWay(m, handler);
            }
            else g.Skip(field, wire); // relations (4), changesets (5), unwanted kinds, unknown fields
        }
    }

    private LonLat Position(long id, long lat, long lon, int at)
    {
        var p = new LonLat((_lonOffset + _granularity * lon) / 1e9, (_latOffset + _granularity * lat) / 1e9);
        return p.Problem() is { } problem ? throw new ProtoException(at, $"node {id}: {problem}") : p;
    }
}
