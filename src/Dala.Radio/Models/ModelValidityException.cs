using System.Globalization;

namespace Dala.Radio.Models;

/// <summary>
/// A request outside the range an empirical model was fitted on: no loss is given, because the formula would still
/// produce a plausible-looking but unsupported number. The message names the model, the quantity, the value and the range.
/// </summary>
public sealed class ModelValidityException : ArgumentOutOfRangeException
{
    public ModelValidityException(string model, string quantity, string paramName, double value, string unit, string validRange)
        : base(paramName, value, Describe(model, quantity, value, unit, validRange))
    {
        Model = model;
        Quantity = quantity;
        Value = value;
        Unit = unit;
        ValidRange = validRange;
    }

    /// <summary>The model that refused, e.g. "Okumura-Hata".</summary>
    public string Model { get; }

    /// <summary>The quantity in words, e.g. "frequency".</summary>
    public string Quantity { get; }

    /// <summary>The refused value, in <see cref="Unit"/>.</summary>
    public double Value { get; }

    public string Unit { get; }

    /// <summary>The valid range in words, e.g. "150..1500 MHz".</summary>
    public string ValidRange { get; }

    /// <summary>The broken rule without the parameter suffix, e.g. "Okumura-Hata: frequency 1600 MHz is outside the model's validity range 150..1500 MHz".</summary>
    public string Reason => Describe(Model, Quantity, Value, Unit, ValidRange);

    private static string Describe(string model, string quantity, double value, string unit, string validRange) =>
        string.Create(CultureInfo.InvariantCulture, $"{model}: {quantity} {value} {unit} is outside the model's validity range {validRange}");
}
