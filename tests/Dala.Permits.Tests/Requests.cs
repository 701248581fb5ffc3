using Dala.Permits.Model;

namespace Dala.Permits.Tests;

/// <summary>Requests for the tests, dated by days after a fixed start.</summary>
internal static class Requests
{
    public static readonly DateOnly Start = new(2024, 1, 1);

    public static DateOnly Day(int n) => Start.AddDays(n);

    /// <summary>A request opened on day <paramref name="opened"/>, on air on day <paramref name="onAir"/> (null: not yet).</summary>
    public static PermitRequest Make(string id, string region, int opened, int? onAir, string op = "kcell") =>
        new(id, op, region, Day(opened), OnAir: onAir is { } d ? Day(d) : null);

    /// <summary>
    /// Held-back random sets: requests in three regions (one slow), opened over two years, some on air (ties likely: days
    /// drawn from a small range), some still open; the as-of date falls inside, so some are opened after it.
    /// </summary>
    public static IReadOnlyList<PermitRequest> Random(int seed, int count)
    {
        var rng = new Random(seed);
        string[] regions = ["KZ-11", "KZ-35", "KZ-63"];
        return Enumerable.Range(0, count).Select(i =>
        {
            var region = regions[rng.Next(regions.Length)];
            var opened = rng.Next(0, 730);
            int? onAir = rng.NextDouble() < 0.7 ? opened + rng.Next(0, region == "KZ-63" ? 60 : 30) * 10 : null;
            return Make($"r{seed}-{i}", region, opened, onAir);
        }).ToArray();
    }
}
