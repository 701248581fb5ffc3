namespace Dala.Radio;

/// <summary>
/// A path-loss model behind one method, so that ITM, Hata, COST-231 or free space can be swapped in a planning
/// step. Models that need more than the request carries (ITM's climate and variability) take it when built.
/// </summary>
public interface IPropagationModel
{
    /// <summary>Basic transmission loss for one link; throws <see cref="ArgumentException"/> (or a subtype) when the request is outside the model's validity.</summary>
    PathLossResult PathLoss(PathLossRequest request);
}
