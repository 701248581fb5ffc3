using System.Net;
using System.Text.RegularExpressions;

namespace Dala.Quality.Model;

public static partial class NetworkAddress
{
    /// <summary>
    /// Free text (a quarantined line, a reason) with every IPv4 and IPv6 address in it replaced by its truncated
    /// network (<see cref="Truncate(IPAddress)"/>): text that is kept never holds a whole client address. Only what
    /// parses as an address is replaced; times (10:20:30), numbers and the rest are left as they are.
    /// </summary>
    public static string Mask(string text) =>
        text.Contains('.') || text.Contains(':') ? AddressLike().Replace(text, m => IPAddress.TryParse(m.Value, out var a) ? Truncate(a) : m.Value) : text;

    /// <summary>
    /// The client address forms intake accepts: an IPv4 dotted quad (four decimal parts 0-255, no leading zeros) or an
    /// IPv6 address in colon form (optionally ending in a dotted quad), nothing else: no single integers (134744072), hex
    /// (0x08080404), octal (010.8.8.8), short forms (8.8.2056), brackets or zone ids, which IPAddress.Parse would also
    /// take. Every form accepted is one <see cref="Mask"/> finds in text, so a quarantined line never keeps an accepted
    /// address whole.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IPAddress? address)
    {
        address = null;
        return Canonical().IsMatch(text) && IPAddress.TryParse(text, out address);
    }

    [GeneratedRegex(@"^(?:(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:[0-9]{1,3}\.){3}[0-9]{1,3})?)\z")]
    private static partial Regex Canonical();

    // IPv6 first (hex groups with at least two colons, optionally ending in a dotted IPv4 as in ::ffff:1.2.3.4), not
    // inside a longer word; then dotted-quad IPv4, not inside a longer number (a letter before it does not protect it).
    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w:.])|(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d))")]
    private static partial Regex AddressLike();
}
