using Dala.Registry.Model;

namespace Dala.Quality.Claims;

/// <summary>
/// The radio prediction a claim is compared with (declared here because Dala.Quality may not use Dala.Radio; the hosts
/// implement it over the latest coverage run).
/// </summary>
public interface IPredictedService
{
    /// <summary>Predicted download Mbit/s for the settlement on this technology; null when nothing is predicted for it.</summary>
    double? PredictedDownMbps(string settlementId, Technology technology);
}

/// <summary>No prediction at all (no coverage run).</summary>
public sealed class NoPrediction : IPredictedService
{
    public static readonly NoPrediction Instance = new();

    public double? PredictedDownMbps(string settlementId, Technology technology) => null;
}
