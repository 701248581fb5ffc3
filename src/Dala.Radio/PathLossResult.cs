namespace Dala.Radio;

/// <summary>What every propagation model answers: the basic transmission loss and, where the model knows it, the mechanism.</summary>
/// <param name="LossDb">Basic transmission loss, dB.</param>
/// <param name="Mode">The dominant propagation mechanism, or <see cref="PropagationMode.NotSet"/> for models that do not say.</param>
public sealed record PathLossResult(double LossDb, PropagationMode Mode)
{
    /// <summary>Soft validity warnings (inputs near or past the ranges the model was fitted on), in words.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
