namespace Dala.Fibre.Tests.Osm;

/// <summary>The string table of one test PrimitiveBlock: index 0 is the reserved empty string.</summary>
internal sealed class PbfStrings
{
    private readonly List<string> _list = [""];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal) { [""] = 0 };

    public ulong this[string s]
    {
        get
        {
            if (_index.TryGetValue(s, out var i)) return (ulong)i;
            _index[s] = _list.Count;
            _list.Add(s);
            return (ulong)(_list.Count - 1);
        }
    }

    public ProtoWriter Table()
    {
        var t = new ProtoWriter();
        foreach (var s in _list) t.String(1, s);
        return t;
    }
}
