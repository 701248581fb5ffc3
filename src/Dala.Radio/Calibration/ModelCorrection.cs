using Dala.Radio.Coverage;

namespace Dala.Radio.Calibration;

/// <summary>A calibration's terms applied to a coverage run: the extra path loss of a link from an operator's site to a place.</summary>
public sealed class ModelCorrection
{
    private readonly Dictionary<string, GroupTerms> _terms;

    public ModelCorrection(long calibrationId, CalibrationGrouping grouping, IReadOnlyList<GroupTerms> terms)
    {
        CalibrationId = calibrationId;
        Grouping = grouping;
        _terms = terms.Where(t => t.Fitted).ToDictionary(t => t.Group, StringComparer.Ordinal);
    }

    public long CalibrationId { get; }

    public CalibrationGrouping Grouping { get; }

    /// <summary>dB to add to the model's path loss; 0 for a group the calibration did not fit.</summary>
    public double ExtraLossDb(string? op, Clutter clutter, string? region, double km) =>
        op is not null && _terms.TryGetValue(Grouping.Key(op, clutter, region), out var t)
            ? t.OffsetDb + t.SlopeDbPerDecade * CalibrationGroupings.LogKm(km) : 0;
}
