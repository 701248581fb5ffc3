using System.Globalization;

namespace Dala.Radio.Models;

/// <summary>An inclusive range a model input must lie in; NaN and infinities are outside every range.</summary>
/// <param name="Quantity">The quantity in words, e.g. "frequency".</param>
/// <param name="ParamName">The request property it comes from, e.g. "FrequencyMHz".</param>
/// <param name="Minimum">Smallest valid value (inclusive).</param>
/// <param name="Maximum">Largest valid value (inclusive).</param>
/// <param name="Unit">Unit of the bounds, e.g. "MHz".</param>
public readonly record struct ValidityRange(string Quantity, string ParamName, double Minimum, double Maximum, string Unit)
{
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    /// <summary>Throws <see cref="ModelValidityException"/> naming <paramref name="model"/> when <paramref name="value"/> is outside.</summary>
    public void Check(string model, double value)
    {
        if (!Contains(value)) throw new ModelValidityException(model, Quantity, ParamName, value, Unit, ToString());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Minimum}..{Maximum} {Unit}");
}
