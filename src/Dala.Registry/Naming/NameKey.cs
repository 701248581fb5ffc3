using System.Globalization;
using System.Text;

namespace Dala.Registry.Naming;

/// <summary>
/// A spelling-insensitive key for settlement names, so that «Ақкөл», «Акколь», «с.Акколь» and «Akkol» (or
/// «Aqköl») all give the same key. Cyrillic (Russian and Kazakh letters) and Latin (English, Kazakh Latin,
/// ISO-style) are folded to one Latin skeleton: Kazakh letters to their Russian neighbours, soft and hard
/// signs dropped, vowel pairs that transliterations disagree on merged (ы/і/и/й, э/е), q→k, gh→g, j→zh,
/// doubled letters collapsed, classifier prefixes (с., г., п., аул ...) and punctuation removed.
/// </summary>
public static class NameKey
{
    private static readonly string[] Prefixes =
    [
        "с.", "г.", "п.", "пгт.", "ст.", "рзд.", "уч.", "кр.", "отг.", "а.",
        "село ", "аул ", "ауыл ", "поселок ", "посёлок ", "станция ", "разъезд ", "город ", "кенті ",
    ];

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['ә'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ғ'] = "g", ['д'] = "d", ['е'] = "e",
        ['ё'] = "e", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "i", ['і'] = "i", ['к'] = "k", ['қ'] = "k",
        ['л'] = "l", ['м'] = "m", ['н'] = "n", ['ң'] = "n", ['о'] = "o", ['ө'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ұ'] = "u", ['ү'] = "u", ['ф'] = "f", ['х'] = "h", ['һ'] = "h",
        ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "sh", ['ъ'] = "", ['ы'] = "i", ['ь'] = "", ['э'] = "e",
        ['ю'] = "iu", ['я'] = "ia",
    };

    /// <summary>The key, or an empty string when the name has no letters or digits.</summary>
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var s = name.Trim().ToLowerInvariant();
        foreach (var p in Prefixes)
        {
            if (s.StartsWith(p, StringComparison.Ordinal)) { s = s[p.Length..].TrimStart(); break; }
        }
        var latin = new StringBuilder(s.Length * 2);
        foreach (var ch in s)
        {
            if (Cyrillic.TryGetValue(ch, out var t)) latin.Append(t);
            else if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') latin.Append(ch);
            else if (char.IsLetter(ch)) latin.Append(StripDiacritic(ch));
        }
        var folded = latin.ToString()
            .Replace("kh", "h").Replace("gh", "g").Replace("q", "k").Replace("zh", "j").Replace("j", "zh")
            .Replace("yu", "iu").Replace("ya", "ia").Replace("y", "i").Replace("w", "u").Replace("x", "ks");
        var key = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (key.Length == 0 || key[^1] != ch || char.IsDigit(ch)) key.Append(ch);
        }
        return key.ToString();
    }

    private static string StripDiacritic(char ch)
    {
        switch (ch)
        {
            case 'ı': return "i";
            case 'ş': return "sh";
            case 'ç': return "ch";
            case 'ñ': return "n";
            case 'ğ' or 'ǵ': return "g";
        }
        var d = ch.ToString().Normalize(NormalizationForm.FormD);
        var b = new StringBuilder();
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is >= 'a' and <= 'z') b.Append(c);
        }
        return b.ToString();
    }
}
