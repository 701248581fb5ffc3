using Dala.Geo;
using Dala.Quality.Model;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Quality.Claims;

/// <summary>
/// The SYNTHETIC "dead villages" demo (in 2022 the press found some 200 villages reported as covered where the internet did
/// not work): SYNTHETIC claims of 4G at <see cref="ClaimedMbps"/> Mbit/s for rural settlements of the registry, of which
/// about one in five are "dead": their synthetic tests are near-zero downloads (a few, <see cref="DeadHitRate"/>, reach the
/// claim), while the others' tests have a median of <see cref="LiveMedianMbps"/> Mbit/s. Each village gets 12 to 24 tests
/// over the year before the claim's as-of date. Everything is labelled synthetic. Deterministic for a seed and registry.
/// </summary>
public static partial class DeadVillages
{
    public const double ClaimedMbps = 10;
    public const double LiveMedianMbps = 30;
    public const double DeadHitRate = 0.03;
    public const string Source = "synthetic dead-villages demo";
    public const string OperatorFallback = "synthetic-a";

    public sealed record Demo(IReadOnlyList<CoverageClaim> Claims, IReadOnlyList<Measurement> Tests, IReadOnlySet<string> DeadSettlements);

    /// <summary>
    /// Picks <paramref name="villages"/> rural settlements (fewer if the registry has fewer) and makes <paramref name="dead"/>
    /// of them dead (scaled down with the villages). The operator is one of the registry's synthetic operators.
    /// </summary>
    public static Demo Generate(RegistrySnapshot registry, DateOnly today, int villages = 1000, int dead = 200, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(villages);
        ArgumentOutOfRangeException.ThrowIfNegative(dead);
        var rng = new Random(seed);
        var rural = registry.Settlements.Where(s => s.Kind.IsRural()).OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        rng.Shuffle(rural);
        var picked = rural.Take(villages).ToArray();
        var deadCount = villages == 0 ? 0 : (int)Math.Round((double)dead * picked.Length / villages);
        var deadSet = picked.Take(deadCount).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var operators = registry.Operators.Where(o => o.Id.StartsWith("synthetic-", StringComparison.Ordinal)).Select(o => o.Id).Order(StringComparer.Ordinal).ToArray();
        if (operators.Length == 0) operators = [OperatorFallback];
        var asOf = today.AddDays(-30);
        var end = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var claims = new List<CoverageClaim>();
        var tests = new List<Measurement>();
        foreach (var s in picked.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var op = operators[rng.Next(operators.Length)];
            claims.Add(new CoverageClaim(0, s.Id, op, Technology.FourG, ClaimedMbps, asOf, $"{Source} (seed {seed})", Synthetic: true));
            var isDead = deadSet.Contains(s.Id);
            var n = 12 + rng.Next(13);
            for (var i = 0; i < n; i++)
            {
                var down = isDead
                    ? rng.NextDouble() < DeadHitRate ? ClaimedMbps * (1 + rng.NextDouble()) : 0.05 + rng.NextDouble() * 0.9
                    : LiveMedianMbps * Math.Exp(Normal(rng) * 0.6);
                down = Math.Round(down, 3);
                var seconds = Math.Round(9.5 + rng.NextDouble(), 2);
                var at = new LonLat(s.Location.Lon + (rng.NextDouble() - 0.5) * 0.01, s.Location.Lat + (rng.NextDouble() - 0.5) * 0.01);
                tests.Add(new Measurement
                {
                    Id = $"syn-dv{seed}-{s.Id}-{i}",
                    Time = end.AddSeconds(-rng.NextDouble() * 330 * 86400),
                    Location = at,
                    Quadkey = Quadkey.At(at, 16),
                    SettlementId = s.Id,
                    RegionCode = s.RegionCode,
                    OperatorId = op,
                    Access = Technology.FourG,
                    DownMbps = down,
                    UpMbps = Math.Round(down * 0.3, 3),
                    LatencyMs = Math.Round((isDead ? 400 : 40) * Math.Exp(Normal(rng) * 0.3), 1),
                    Bytes = (long)(down * 1e6 / 8 * seconds),
                    DurationS = seconds,
                    Source = MeasurementSource.Ndt7Client,
                    Dataset = $"{Source} (seed {seed})",
                    Synthetic = true,
                });
            }
        }
        return new Demo(claims, tests, deadSet);
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
