namespace Dala.Quality.Claims;

/// <summary>What the measured tests say about a claim (see <see cref="ClaimCheck"/> for the rule).</summary>
public enum ClaimStatus
{
    /// <summary>The interval of the share of tests at or above the claim lies at or above 0.5: the median meets the claim.</summary>
    Delivered,
    /// <summary>"Claimed but not delivered": the whole interval lies below 0.5: the median misses the claim.</summary>
    NotDelivered,
    /// <summary>Tests exist but the interval straddles 0.5.</summary>
    Unproven,
    /// <summary>No valid test of that operator and technology in the settlement within the window.</summary>
    NoTests,
    /// <summary>Removed by an upheld challenge; not checked any more.</summary>
    Withdrawn,
}

/// <summary>The radio prediction beside the measured verdict (never replacing it).</summary>
public enum PredictionAgreement
{
    /// <summary>No coverage run predicts this settlement on this technology.</summary>
    None,
    /// <summary>Predicted download at or above the claimed speed.</summary>
    Agrees,
    /// <summary>Predicted download below the claimed speed.</summary>
    Disagrees,
}

public static class ClaimStatuses
{
    public static string WireName(this ClaimStatus s) => s switch
    {
        ClaimStatus.Delivered => "delivered",
        ClaimStatus.NotDelivered => "not-delivered",
        ClaimStatus.Unproven => "unproven",
        ClaimStatus.NoTests => "no-tests",
        ClaimStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>The words the CLI and UI show.</summary>
    public static string Label(this ClaimStatus s) => s switch
    {
        ClaimStatus.Delivered => "delivered",
        ClaimStatus.NotDelivered => "claimed but not delivered",
        ClaimStatus.Unproven => "unproven",
        ClaimStatus.NoTests => "no tests",
        ClaimStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static ClaimStatus? Parse(string? text) =>
        Enum.GetValues<ClaimStatus>().Cast<ClaimStatus?>().FirstOrDefault(s => s!.Value.WireName() == text?.Trim().ToLowerInvariant());

    public static string Names => string.Join(", ", Enum.GetValues<ClaimStatus>().Select(WireName));

    public static string WireName(this PredictionAgreement p) => p switch
    {
        PredictionAgreement.None => "none",
        PredictionAgreement.Agrees => "agrees",
        PredictionAgreement.Disagrees => "disagrees",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };
}
