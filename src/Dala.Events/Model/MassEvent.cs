using System.Text.RegularExpressions;

namespace Dala.Events.Model;

/// <summary>
/// A mass event: a concert, a match, a holiday on a square. Where (<see cref="EventPlace"/>), from when to when (UTC),
/// how many people are expected, and whether it is SYNTHETIC (made up for a demonstration; labelled wherever shown).
/// </summary>
public sealed partial record MassEvent(string Id, string Name, EventPlace Place, DateTimeOffset Start, DateTimeOffset End, int ExpectedCrowd,
    bool Synthetic, string? Note = null)
{
    public const int MaxCrowd = 5_000_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    public TimeSpan Duration => End - Start;

    /// <summary>What is wrong with the event, as (field, reason); empty when it can be kept.</summary>
    public IEnumerable<(string Field, string Reason)> Problems()
    {
        if (!IdPattern().IsMatch(Id ?? "")) yield return ("id", $"'{Id}' is not 1..64 of a-z, 0-9 and '-', starting with a letter or digit");
        if (string.IsNullOrWhiteSpace(Name)) yield return ("name", "empty");
        else if (Name.Length > 200) yield return ("name", "longer than 200 characters");
        else if (Name.Any(char.IsControl)) yield return ("name", "has control characters");
        if (Note is { Length: > 1000 }) yield return ("note", "longer than 1000 characters");
        if (ExpectedCrowd is < 1 or > MaxCrowd) yield return ("crowd", $"{ExpectedCrowd} is outside 1..{MaxCrowd:N0}");
        if (End <= Start) yield return ("end", "is not after the start");
        else if (Duration > MaxDuration) yield return ("end", $"the event lasts {Duration.TotalDays:0.#} days; at most {MaxDuration.TotalDays:0} days");
        foreach (var p in Place.Problems()) yield return p;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
