using System.Text;
using Dala.Registry.Import;

namespace Dala.Registry.Kato;

/// <summary>
/// The official KATO export writes quotes inside names without quoting the field (<c>с."Ќоянды"</c>,
/// <c>Застава " Кокжота"</c>), which strict CSV rejects. This quotes such fields so that the quotes are read
/// as part of the name. Properly quoted fields are left alone, so a file that ends inside one is still
/// reported as truncated; no line breaks are added or removed, so line numbers stay those of the file.
/// </summary>
internal static class BareQuotes
{
    public static InputFile Fix(InputFile file, char delimiter, out int fixedFields)
    {
        using var reader = file.OpenText();
        var text = Fix(reader.ReadToEnd(), delimiter, out fixedFields);
        return fixedFields == 0 ? file : file with { Bytes = Encoding.UTF8.GetBytes(text) };
    }

    public static string Fix(string text, char delimiter, out int fixedFields)
    {
        fixedFields = 0;
        var output = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (text[i] == '"') i = SkipQuoted(text, i);
            while (i < text.Length && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') i++;
            var field = text.AsSpan(start, i - start);
            if (field.Length > 0 && field[0] != '"' && field.Contains('"'))
            {
                output.Append('"').Append(field.ToString().Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                fixedFields++;
            }
            else output.Append(field);
            if (i < text.Length) output.Append(text[i++]);
        }
        return output.ToString();
    }

    /// <summary>The index after the closing quote of the quoted field at <paramref name="i"/>, or the end.</summary>
    private static int SkipQuoted(string text, int i)
    {
        for (i++; i < text.Length; i++)
        {
            if (text[i] != '"') continue;
            if (i + 1 < text.Length && text[i + 1] == '"') { i++; continue; }
            return i + 1;
        }
        return i;
    }
}
