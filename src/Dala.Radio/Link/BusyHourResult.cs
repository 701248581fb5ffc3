namespace Dala.Radio.Link;

/// <summary>The busy-hour arithmetic for one settlement.</summary>
/// <param name="Subscribers">Population x penetration.</param>
/// <param name="ActiveUsers">Subscribers x busy-hour active share (an expected number, not rounded).</param>
/// <param name="PerUserMbps">min(peak user rate, cell capacity / max(1, active users)), Mbit/s.</param>
/// <param name="MeetsTarget">Whether <see cref="PerUserMbps"/> reaches the target.</param>
public sealed record BusyHourResult(double Subscribers, double ActiveUsers, double PerUserMbps, bool MeetsTarget);
