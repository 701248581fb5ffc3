using System.Net;
using Dala.Geo.Io;

namespace Dala.Quality.Model;

/// <summary>
/// Which operator an address belongs to: a table of CIDR prefixes (CSV: prefix,operator_id[,operator_name]),
/// longest prefix wins. Resolved on the full address before it is truncated.
/// </summary>
public sealed class OperatorPrefixes
{
    private readonly List<(byte[] Network, int Bits, string Operator, string Cidr)> _prefixes;

    public OperatorPrefixes(IEnumerable<(string Cidr, string Operator)> prefixes)
    {
        _prefixes = prefixes.Select(p => Parse(p.Cidr, p.Operator)).OrderByDescending(p => p.Bits).ToList();
    }

    public static OperatorPrefixes Empty { get; } = new([]);

    public int Count => _prefixes.Count;

    public static OperatorPrefixes Load(string path)
    {
        using var reader = new StreamReader(path);
        var rows = CsvReader.Read(reader).ToList();
        if (rows.Count == 0) return Empty;
        var h = new CsvHeader(rows[0]);
        if (!h.Has("prefix") || !h.Has("operator_id"))
            throw new FormatException($"{path}:1: expected columns prefix,operator_id[,operator_name]");
        var list = new List<(string, string)>();
        foreach (var r in rows.Skip(1))
        {
            var prefix = h.Get(r, "prefix") ?? throw new FormatException($"{path}:{r.Line}: prefix missing");
            var op = h.Get(r, "operator_id") ?? throw new FormatException($"{path}:{r.Line}: operator_id missing");
            try { Parse(prefix, op); }
            catch (FormatException e) { throw new FormatException($"{path}:{r.Line}: {e.Message}"); }
            list.Add((prefix, op));
        }
        return new OperatorPrefixes(list);
    }

    public string? Resolve(IPAddress? address) => Match(address)?.Operator;

    /// <summary>The operator of the longest prefix holding the address, and that prefix as written in the table; null when none does.</summary>
    public PrefixMatch? Match(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var a = address.GetAddressBytes();
        foreach (var (net, bits, op, cidr) in _prefixes)
        {
            if (net.Length == a.Length && Matches(net, a, bits)) return new PrefixMatch(op, cidr);
        }
        return null;
    }

    private static bool Matches(byte[] net, byte[] a, int bits)
    {
        var full = bits / 8;
        for (var i = 0; i < full; i++) if (net[i] != a[i]) return false;
        var rest = bits % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (net[full] & mask) == (a[full] & mask);
    }

    private static (byte[] Network, int Bits, string Operator, string Cidr) Parse(string cidr, string op)
    {
        var parts = cidr.Trim().Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || !int.TryParse(parts[1], out var bits))
            throw new FormatException($"'{cidr}' is not an address prefix like 95.56.0.0/16");
        var bytes = ip.GetAddressBytes();
        if (bits < 0 || bits > bytes.Length * 8) throw new FormatException($"'{cidr}': prefix length {bits} is out of range");
        return (bytes, bits, op, cidr.Trim());
    }
}

/// <summary>An address's operator and the table's prefix that holds it (e.g. 95.56.0.0/16).</summary>
public sealed record PrefixMatch(string Operator, string Prefix);
