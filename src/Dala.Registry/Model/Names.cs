namespace Dala.Registry.Model;

/// <summary>A name as written locally plus its Kazakh, Russian and English forms where known.</summary>
public sealed record Names(string Local, string? Kk = null, string? Ru = null, string? En = null)
{
    /// <summary>Every distinct non-empty form, local name first.</summary>
    public IEnumerable<string> All() =>
        new[] { Local, Kk, Ru, En }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).Distinct();
}
