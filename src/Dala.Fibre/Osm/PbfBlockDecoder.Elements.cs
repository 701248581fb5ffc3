namespace Dala.Fibre.Osm;

internal sealed partial class PbfBlockDecoder
{
    private void ReadDense(ProtoReader d, IOsmHandler handler)
    {
        _ids.Clear();
        _lats.Clear();
        _lons.Clear();
        _pairs.Clear();
        while (d.Next(out var field, out var wire))
        {
            var list = field switch { 1 => _ids, 8 => _lats, 9 => _lons, 10 => _pairs, _ => null };
            if (list is null) d.Skip(field, wire); // denseinfo (5) and unknown fields
            else d.Varints(field, wire, list);
        }
        if (_ids.Count != _lats.Count || _ids.Count != _lons.Count)
            throw new ProtoException(d.Position, $"dense nodes with {_ids.Count} ids, {_lats.Count} lats and {_lons.Count} lons");
        foreach (var list in (ReadOnlySpan<LongList>)[_ids, _lats, _lons])
        {
            list.ZigZag();
            list.Undelta();
        }
        var kv = 0;
        for (var i = 0; i < _ids.Count; i++)
        {
            var start = kv;
            while (kv < _pairs.Count && _pairs[kv] != 0) kv += 2;
            if (kv > _pairs.Count || (_pairs.Count > 0 && kv == _pairs.Count))
                throw new ProtoException(d.Position, $"dense nodes: keys_vals ends inside the tags of node {_ids[i]}");
            CheckStrings(_pairs, start, kv, d.Position);
            var tags = new OsmTags(_strings, _pairs.Items, start, (kv - start) / 2);
            if (_pairs.Count > 0) kv++; // the 0 that ends this node's tags
            handler.Node(_ids[i], Position(_ids[i], _lats[i], _lons[i], d.Position), tags);
        }
    }

    private void ReadNode(ProtoReader n, IOsmHandler handler)
    {
        long id = 0, lat = 0, lon = 0;
        _keys.Clear();
        _vals.Clear();
        while (n.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: n.Require(field, wire, WireType.Varint); id = n.SInt64(); break;
                case 2: n.Varints(field, wire, _keys); break;
                case 3: n.Varints(field, wire, _vals); break;
                case 8: n.Require(field, wire, WireType.Varint); lat = n.SInt64(); break;
                case 9: n.Require(field, wire, WireType.Varint); lon = n.SInt64(); break;
                default: n.Skip(field, wire); break;
            }
        }
        handler.Node(id, Position(id, lat, lon, n.Position), Tags("node", id, n.Position));
    }

    private void ReadWay(ProtoReader w, IOsmHandler handler)
    {
        long id = 0;
        _keys.Clear();
        _vals.Clear();
        _ids.Clear();
        while (w.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: w.Require(field, wire, WireType.Varint); id = w.Int64(); break;
                case 2: w.Varints(field, wire, _keys); break;
                case 3: w.Varints(field, wire, _vals); break;
                case 8: w.Varints(field, wire, _ids); break;
                default: w.Skip(field, wire); break; // info (4), LocationsOnWays lat/lon (9, 10), unknown
            }
        }
        _ids.ZigZag();
        _ids.Undelta();
        handler.Way(id, _ids.Span, Tags("way", id, w.Position));
    }

    /// <summary>Interleaves the parallel keys and vals of a node or way into the pair buffer.</summary>
    private OsmTags Tags(string kind, long id, int at)
    {
        if (_keys.Count != _vals.Count) throw new ProtoException(at, $"{kind} {id} has {_keys.Count} keys but {_vals.Count} vals");
        _pairs.Clear();
        for (var i = 0; i < _keys.Count; i++)
        {
            _pairs.Add(_keys[i]);
            _pairs.Add(_vals[i]);
        }
        CheckStrings(_pairs, 0, _pairs.Count, at);
        return new OsmTags(_strings, _pairs.Items, 0, _keys.Count);
    }

    private void CheckStrings(LongList indexes, int from, int to, int at)
    {
        for (var i = from; i < to; i++)
        {
            if ((ulong)indexes[i] >= (ulong)_strings.Count)
                throw new ProtoException(at, $"string index {indexes[i]} is outside the string table of {_strings.Count}");
        }
    }
}
