using System.Globalization;

namespace Dala.Registry.Import;

/// <summary>
/// What a name (of a settlement, region, KATO unit, operator or site) may be: at most <see cref="MaxLength"/>
/// characters (the longest real name in the KZ data is under 40) and no control characters (NUL, tab, newline,
/// U+007F-U+009F), which no place name has and which break every output they reach.
/// </summary>
public static class NameRules
{
    public const int MaxLength = 200;

    /// <summary>Why the name cannot be stored, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length > MaxLength)
            return string.Create(CultureInfo.InvariantCulture, $"is {name.Length:N0} characters long, more than the maximum {MaxLength}");
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsControl(name[i]))
                return string.Create(CultureInfo.InvariantCulture, $"contains the control character U+{(int)name[i]:X4} at character {i + 1}");
        }
        return null;
    }

    /// <summary>Rejects the row for the first name (of those given, null ones skipped) that breaks the rules; true when all pass.</summary>
    public static bool Check(ImportTally tally, int line, params ReadOnlySpan<(string Field, string? Value)> names)
    {
        foreach (var (field, value) in names)
        {
            if (value is not null && Problem(value) is { } problem)
            {
                tally.Reject(line, field, problem);
                return false;
            }
        }
        return true;
    }
}
