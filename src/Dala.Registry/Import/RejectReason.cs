using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Dala.Registry.Import;

/// <summary>
/// A rejection reason written as an interpolated string: the text with its values, and its kind (the same
/// text with every value shown as "…"), so that a summary can count rejections per reason
/// ("duplicate id … (first on line …)") while each row is still named with its own values.
/// </summary>
[InterpolatedStringHandler]
public ref struct RejectReason
{
    public const string Hole = "…";

    private readonly StringBuilder _text;
    private readonly StringBuilder _kind;

    public RejectReason(int literalLength, int formattedCount)
    {
        _text = new StringBuilder(literalLength + formattedCount * 8);
        _kind = new StringBuilder(literalLength + formattedCount);
    }

    public readonly void AppendLiteral(string s)
    {
        _text.Append(s);
        _kind.Append(s);
    }

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _text.Append(value is IFormattable f ? f.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());
        _kind.Append(Hole);
    }

    public readonly string Text => _text.ToString();

    public readonly string Kind => _kind.ToString();
}

/// <summary>The kind of a reason given as plain text: quoted text and numbers (outside [ranges]) become "…".</summary>
public static partial class ReasonKind
{
    public static string Of(string reason) => Values().Replace(reason, m =>
        m.Groups["range"].Success ? m.Value : m.Groups["quoted"].Success ? "'" + RejectReason.Hole + "'" : RejectReason.Hole);

    [GeneratedRegex(@"(?<range>\[[^\]]*\])|(?<quoted>'[^']*')|(?<![\w.-])-?\d+(?:\.\d+)?(?![\w.])")]
    private static partial Regex Values();
}
