using Dala.Quality.Claims;
using Dala.Quality.Model;
using Dala.Quality.Verdicts;
using Dala.Registry.Model;

namespace Dala.Quality.Tests.Claims;

public class ClaimCheckTests
{
    private static readonly ClaimCheckOptions Options = new(new DateOnly(2026, 11, 21));
    private static readonly CoverageClaim Claim = new(1, "s1", "op", Technology.FourG, 10, new DateOnly(2026, 10, 1), "claims.csv", false);

    internal static Measurement T(double down, string settlement = "s1", string op = "op", Technology access = Technology.FourG,
        string time = "2026-06-01T12:00:00Z", bool valid = true, bool synthetic = false, int i = 0) => new()
    {
        Id = $"t{i}-{down}-{settlement}-{op}-{access}-{time}-{valid}-{synthetic}",
        Time = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
        SettlementId = settlement, OperatorId = op, Access = access, DownMbps = down, Source = MeasurementSource.Import,
        Valid = valid, Synthetic = synthetic,
    };

    private static IEnumerable<Measurement> Many(int count, double down) => Enumerable.Range(0, count).Select(i => T(down, i: i));

    [Fact]
    public void A_met_claim_is_delivered_and_not_flagged()
    {
        var r = ClaimCheck.Evaluate(Claim, Many(20, 25).Concat(Many(2, 3)), null, Options);
        Assert.Equal((22, 20), (r.N, r.K));
        Assert.Equal(ClaimStatus.Delivered, r.Status);
        Assert.False(r.Flagged);
        Assert.True(r.Interval.Low >= ClaimCheck.MedianShare);
    }

    [Fact]
    public void A_claim_whose_tests_miss_it_is_claimed_but_not_delivered_with_its_interval()
    {
        var r = ClaimCheck.Evaluate(Claim, Many(15, 0.5).Concat(Many(1, 12)), null, Options);
        Assert.Equal(ClaimStatus.NotDelivered, r.Status);
        Assert.True(r.Flagged);
        Assert.Equal("claimed but not delivered", r.Status.Label());
        Assert.Equal(ShareInterval.ClopperPearson(1, 16, 0.95), r.Interval);
        Assert.True(r.Interval.High < 0.5);
    }

    [Fact]
    public void No_tests_is_no_tests_not_flagged()
    {
        var r = ClaimCheck.Evaluate(Claim, [], 50, Options);
        Assert.Equal(ClaimStatus.NoTests, r.Status);
        Assert.False(r.Flagged);
        Assert.Equal(0, r.N);
        Assert.Null(r.Share);
    }

    [Fact]
    public void Few_tests_straddling_one_half_are_unproven()
    {
        var r = ClaimCheck.Evaluate(Claim, Many(2, 0.5).Concat(Many(1, 20)), null, Options);
        Assert.Equal(ClaimStatus.Unproven, r.Status);
        Assert.Equal(3, r.N);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 10)]
    [InlineData(7, 31)]
    [InlineData(12, 12)]
    public void The_interval_is_ShareInterval_at_95_percent(int k, int n)
    {
        var tests = Many(k, 50).Concat(Many(n - k, 1));
        var r = ClaimCheck.Evaluate(Claim, tests, null, Options);
        Assert.Equal((n, k), (r.N, r.K));
        Assert.Equal(ShareInterval.ClopperPearson(k, n, 0.95), r.Interval);
    }

    [Fact]
    public void Only_valid_tests_of_the_claims_settlement_operator_technology_and_window_count()
    {
        Measurement[] others =
        [
            T(0.1, settlement: "s2"), T(0.1, op: "other"), T(0.1, access: Technology.ThreeG), T(0.1, valid: false),
            T(0.1, synthetic: true), T(0.1, time: "2025-09-30T23:59:59Z"), T(0.1, time: "2026-11-22T00:00:00Z"),
            T(0.1) with { Kind = MeasurementKind.Tile }, T(0.1) with { DownMbps = null },
        ];
        var r = ClaimCheck.Evaluate(Claim, others.Concat([T(30, time: "2025-10-01T00:00:00Z"), T(30, time: "2026-11-21T23:59:59Z")]), null, Options);
        Assert.Equal((2, 2), (r.N, r.K));
    }

    [Fact]
    public void A_synthetic_claim_counts_synthetic_tests()
    {
        var r = ClaimCheck.Evaluate(Claim with { Synthetic = true }, [T(30, synthetic: true), T(30)], null, Options);
        Assert.Equal(2, r.N);
    }

    [Fact]
    public void The_prediction_stands_beside_the_measured_status()
    {
        var tests = Many(20, 25).ToArray();
        var agrees = ClaimCheck.Evaluate(Claim, tests, 10, Options);
        var disagrees = ClaimCheck.Evaluate(Claim, tests, 9.9, Options);
        Assert.Equal(PredictionAgreement.Agrees, agrees.Prediction);
        Assert.Equal(PredictionAgreement.Disagrees, disagrees.Prediction);
        Assert.Equal(ClaimStatus.Delivered, disagrees.Status);
        Assert.Equal(PredictionAgreement.None, ClaimCheck.Evaluate(Claim, tests, null, Options).Prediction);
    }

    [Fact]
    public void A_withdrawn_claim_is_withdrawn()
    {
        var r = ClaimCheck.Evaluate(Claim with { WithdrawnBy = 4 }, Many(20, 0.1), null, Options);
        Assert.Equal(ClaimStatus.Withdrawn, r.Status);
        Assert.False(r.Flagged);
    }
}
