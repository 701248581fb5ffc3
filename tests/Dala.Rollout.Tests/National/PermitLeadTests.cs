using System.Collections.Immutable;
using Dala.Rollout.Options;
using Dala.Rollout.Phasing;
using Dala.Rollout.Planning;

namespace Dala.Rollout.Tests.National;

/// <summary>
/// A region whose permit records say a new mast cannot be on air before a later day moves its planned new masts to that
/// year; the other regions keep the flat 12-month lead.
/// </summary>
[Collection(NationalCollection.Name)]
public sealed class PermitLeadTests(NationalData data, ITestOutputHelper output)
{
    private static readonly string[] Regions = ["KZ-63", "KZ-35", "KZ-11", "KZ-15", "KZ-19", "KZ-61"];

    /// <summary>Every other way to serve a settlement made 50 times dearer, so that a mast stays the choice even when it comes late.</summary>
    private static readonly Dala.Rollout.Costs.CostBook MastsCheapest = new[]
    {
        "fibre_per_km_paved_road", "fibre_per_km_minor_road", "fibre_per_km_track", "fibre_per_km_rail", "fibre_per_km_connector", "fibre_pop_per_settlement",
        "fibre_drop_per_household", "fwa_radio_per_tower", "fwa_cpe", "leo_terminal", "leo_install", "leo_subscription_month",
    }.Aggregate(Dala.Rollout.Costs.CostBook.Default, (book, id) => book.Scaled(id, 50));

    [Fact]
    public void A_slow_region_moves_its_new_masts_a_year_later()
    {
        var asOf = DateOnly.FromDateTime(NationalData.Clock.Now.UtcDateTime);
        var newSite = OptionKind.NewSite.WireName();
        foreach (var region in Regions)
        {
            var request = new PlanRequest { Build = new BuildSettings { Region = region }, Costs = MastsCheapest };
            var before = NationalPlanner.Run(data.View, request, NationalData.Clock.Now);
            var masts = before.Sites.Where(s => s.Kind == newSite).ToList();
            output.WriteLine($"{region}: {masts.Count} new masts, years {string.Join(", ", masts.Select(s => s.Year).Distinct().Order())}");
            if (masts.Count == 0) continue;
            Assert.All(masts, s => Assert.True(s.Year >= asOf.AddMonths(12).Year, $"{s.Id} in {s.Year}, before the flat lead"));
            var first = masts.Min(s => s.Year);

            // The region's permit records: a mast asked for today is on air a year after the flat lead would have it.
            var slow = asOf.AddMonths(24);
            var after = NationalPlanner.Run(data.View, request with
            {
                Phasing = new PhasingSettings { EarliestOnAirByRegion = ImmutableDictionary<string, DateOnly>.Empty.Add(region, slow) },
            }, NationalData.Clock.Now);
            var moved = after.Sites.Where(s => s.Kind == newSite).ToList();
            Assert.NotEmpty(moved);
            Assert.All(moved.Where(s => s.Region == region), s => Assert.True(s.Year >= slow.Year, $"{s.Id} in {s.Year}, before {slow:yyyy-MM-dd}"));
            Assert.Contains(moved, s => s.Region == region && s.Year == first + 1);
            Assert.Contains(after.Summary.Assumptions, a => a.Contains($"{region} from {slow:yyyy-MM-dd}", StringComparison.Ordinal));
            return;
        }
        Assert.Fail("no region of the list plans a new mast: the test needs one");
    }
}
