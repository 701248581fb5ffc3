namespace Dala.Registry.Indicators;

/// <summary>
/// A national programme indicator: what it measures and in what unit, and its target (a value by a date) with the
/// document the target comes from. Ids are 1 to 64 characters of letters, digits and . _ : -
/// </summary>
public sealed record Indicator(
    string Id,
    string Name,
    string Unit,
    double? Target = null,
    DateOnly? TargetDate = null,
    string? TargetSource = null);

/// <summary>
/// One value of an indicator: national (<see cref="Region"/> empty) or for one region (ISO 3166-2:KZ code), on a date,
/// with its source (a citation, and a URL when there is one). <see cref="Derived"/>: Dala computed it from its own data
/// (never stored: computed when asked); otherwise it is a reported figure. <see cref="Synthetic"/>: it rests on SYNTHETIC
/// data and must be marked wherever it is shown. <see cref="Note"/> says what the source leaves uncertain.
/// </summary>
public sealed record IndicatorPoint(
    string IndicatorId,
    string Region,
    DateOnly Date,
    double Value,
    string Source,
    string? SourceUrl = null,
    bool Derived = false,
    bool Synthetic = false,
    string? Note = null)
{
    /// <summary>The region of a national value.</summary>
    public const string National = "";

    /// <summary>What identifies a value: one per indicator, region and date (and reported or derived).</summary>
    public (string, string, DateOnly, bool) Key => (IndicatorId, Region, Date, Derived);
}

/// <summary>Indicators and their values, as a store holds them (small: read whole).</summary>
public sealed record IndicatorSet(IReadOnlyList<Indicator> Indicators, IReadOnlyList<IndicatorPoint> Points)
{
    public static readonly IndicatorSet Empty = new([], []);

    public bool IsEmpty => Indicators.Count == 0 && Points.Count == 0;
}

/// <summary>What a save did: values and indicators that were new or changed, and those already stored as they are.</summary>
public sealed record IndicatorSaveResult(int IndicatorsStored, int PointsStored, int PointsUnchanged);
