namespace Dala.Geo.Terrain;

/// <summary>What filling a caller's buffer with a profile gave: the spacing used and how many heights are unknown (NaN).</summary>
public readonly record struct ProfileFill(ProfileSpacing Spacing, int UnknownCount)
{
    /// <summary>Every height is known, so the profile can go to ITM point-to-point mode.</summary>
    public bool Covered => UnknownCount == 0;
}
