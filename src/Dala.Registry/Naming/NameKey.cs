using System.Globalization;
using System.Text;

namespace Dala.Registry.Naming;

/// <summary>
/// A spelling-insensitive key for settlement names, so that «Ақкөл», «Акколь», «с.Акколь» and «Akkol» (or
/// «Aqköl») all give the same key. Cyrillic (Russian and Kazakh letters) and Latin (English, Kazakh Latin,
/// ISO-style) are folded to one Latin skeleton: Kazakh letters to their Russian neighbours, soft and hard
/// signs dropped, vowel pairs that transliterations disagree on merged (ы/і/и/й, э/е), q→k, gh→g, j→zh,
/// x→h (Kazakh Latin), doubled letters collapsed, classifier prefixes (с., г., п., аул ...) and punctuation
/// removed. Names given after a person are folded to one form: «им.», «имени» and the Kazakh «ауылы»,
/// «ат.», «атындағы» are dropped and a Russian genitive or possessive ending after -ов/-ев/-ин/-ын is cut
/// («с.Иса Байзакова» and «Иса Байзақов ауылы», «с.Мынбаево» and «Мынбаев» meet). A given name in the
/// genitive («Ильяса») is not cut, since many nominatives end in -а too («Жанкожа»). Adjectival forms
/// (-ское, -ский, -ка) are left alone: «Черниговка» and «Черниговское» are different places.
/// </summary>
public static class NameKey
{
    private static readonly string[] Prefixes =
    [
        "с.", "г.", "п.", "пгт.", "ст.", "рзд.", "уч.", "кр.", "отг.", "а.",
        "село ", "аул ", "ауыл ", "поселок ", "посёлок ", "станция ", "разъезд ", "город ", "кенті ",
    ];

    private static readonly string[] Dedications = ["им.", "имени "];

    /// <summary>Kind words that follow a name: Kazakh «X ауылы» (village X), «X кенті», «X стансасы», «X бекеті»,
    /// «X ат.» (named after X), and a KATO kind written after the name («Заречное с.»).</summary>
    private static readonly string[] Suffixes =
        [" ауылы", " кенті", " стансасы", " бекеті", " атындағы", " ат.", " с.", " ст."];

    private static readonly string[] GenitiveStems = ["ov", "ev", "in"];

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['ә'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ғ'] = "g", ['д'] = "d", ['е'] = "e",
        ['ё'] = "e", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "i", ['і'] = "i", ['к'] = "k", ['қ'] = "k",
        ['л'] = "l", ['м'] = "m", ['н'] = "n", ['ң'] = "n", ['о'] = "o", ['ө'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ұ'] = "u", ['ү'] = "u", ['ф'] = "f", ['х'] = "h", ['һ'] = "h",
        ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "sh", ['ъ'] = "", ['ы'] = "i", ['ь'] = "", ['э'] = "e",
        ['ю'] = "iu", ['я'] = "ia",
        // Legacy Kazakh fonts put Kazakh letters on Macedonian and Belarusian code points: Ќ for Қ, ў for ұ.
        ['ќ'] = "k", ['ў'] = "u",
    };

    /// <summary>The key, or an empty string when the name has no letters or digits.</summary>
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var s = StripAffixes(name.Trim().ToLowerInvariant());
        var latin = new StringBuilder(s.Length * 2);
        var word = new StringBuilder();
        foreach (var ch in s)
        {
            if (Cyrillic.TryGetValue(ch, out var t)) word.Append(t);
            else if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') word.Append(ch);
            else if (char.IsLetter(ch)) word.Append(StripDiacritic(ch));
            else EndWord(latin, word);
        }
        EndWord(latin, word);
        var folded = latin.ToString()
            .Replace("kh", "h").Replace("gh", "g").Replace("q", "k").Replace("zh", "j").Replace("j", "zh")
            .Replace("yu", "iu").Replace("ya", "ia").Replace("y", "i").Replace("w", "u").Replace("x", "h");
        var key = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (key.Length == 0 || key[^1] != ch || char.IsDigit(ch)) key.Append(ch);
        }
        return key.ToString();
    }

    private static string StripAffixes(string s)
    {
        s = StripPrefix(s, Prefixes);
        s = StripPrefix(s, Dedications);
        foreach (var p in Suffixes)
        {
            if (s.Length > p.Length && s.EndsWith(p, StringComparison.Ordinal)) return s[..^p.Length].TrimEnd();
        }
        return s;
    }

    private static string StripPrefix(string s, string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (s.Length > p.Length && s.StartsWith(p, StringComparison.Ordinal)) return s[p.Length..].TrimStart();
        }
        return s;
    }

    /// <summary>Appends a transliterated word, cutting a genitive or possessive ending: Омарова, Омарово → Омаров;
    /// Алтынсарина → Алтынсарин; батыра → батыр.</summary>
    private static void EndWord(StringBuilder latin, StringBuilder word)
    {
        var w = word.ToString();
        word.Clear();
        if (w == "batira" || w == "batyra") w = w[..^1];
        else if (w.Length >= 6 && w[^1] is 'a' or 'o' && GenitiveStems.Any(e => string.CompareOrdinal(w, w.Length - 3, e, 0, 2) == 0))
            w = w[..^1];
        latin.Append(w);
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
