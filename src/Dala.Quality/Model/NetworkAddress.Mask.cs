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

    // IPv6 first (hex groups with at least two colons, optionally ending in a dotted IPv4 as in ::ffff:1.2.3.4), not
    // inside a longer word; then dotted-quad IPv4, not inside a longer number (a letter before it does not protect it).
    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w:.])|(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d))")]
    private static partial Regex AddressLike();
}
