using System.Text.RegularExpressions;
using Dala.Quality.Model;

namespace Dala.Quality.Intake;

/// <summary>
/// What quarantine keeps of a line and its reasons: no whole client address (<see cref="NetworkAddress.Mask"/>), no NUL
/// (a store's text cannot hold one), at most 200 characters (<see cref="RawLine.Clip(string)"/>). Escapes of the
/// characters addresses are written with (<c>\u002e</c> in JSON, <c>%2E</c> in URLs) are read before masking, and a line's
/// clientIp value that intake did not accept as an address is removed wherever it appears, whatever its form.
/// </summary>
internal static partial class KeptText
{
    public const string Removed = "(address removed)";

    /// <summary>How much of a long line is looked at before masking (masking a clipped line could miss an address cut in two).</summary>
    private const int Window = 1000;

    public static string Of(InputLine line)
    {
        var text = Unescape(line.Text.Length > Window ? line.Text[..Window] : line.Text);
        // (A value of a few characters cannot hold an address; replacing it everywhere would only garble the line.)
        if (line.Raw?.Text(F.ClientIp) is { Length: >= 4 } ip && !NetworkAddress.TryParse(ip, out _)) text = text.Replace(ip, Removed, StringComparison.Ordinal);
        return RawLine.Clip(Clean(text));
    }

    public static string Reason(string reason) => Clean(Unescape(reason));

    private static string Clean(string text) => NetworkAddress.Mask(text).Replace('\0', '\uFFFD');

    /// <summary>\u00XX and %XX escapes of digits, letters, '.' and ':' read as the character (others left as written).</summary>
    private static string Unescape(string text) =>
        text.Contains('\\') || text.Contains('%') ? Escape().Replace(text, m =>
        {
            var c = (char)Convert.ToInt32(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, 16);
            return char.IsAsciiLetterOrDigit(c) || c is '.' or ':' ? c.ToString() : m.Value;
        }) : text;

    [GeneratedRegex(@"\\u00([0-9A-Fa-f]{2})|%([0-9A-Fa-f]{2})")]
    private static partial Regex Escape();
}
