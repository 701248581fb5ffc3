using Dala.Radio.Itm;
using Dala.Radio.Itm.Reference;
using Dala.Testing;

namespace Dala.Radio.Tests;

/// <summary>NTIA's published point-to-point and area cases, read in place from ../shared/data/reference/itm.</summary>
public class ReferenceCaseTests(ITestOutputHelper output)
{
    private const double ToleranceDb = 0.05;

    private static readonly string P2PCases = SharedData.Reference("itm/p2p.csv");
    private static readonly string Profiles = SharedData.Reference("itm/pfls.csv");
    private static readonly string AreaCases = SharedData.Reference("itm/area.csv");

    public static TheoryData<int> P2PNumbers() => [1, 2, 3, 4, 5];

    public static TheoryData<int> AreaNumbers() => [1, 2, 3, 4, 5];

    [Fact]
    public void The_files_hold_five_cases_each_with_a_published_loss()
    {
        var p2p = ItmReferenceCases.ReadP2P(P2PCases, Profiles);
        var area = ItmReferenceCases.ReadArea(AreaCases);
        Assert.Equal(5, p2p.Count);
        Assert.Equal(5, area.Count);
        Assert.All(p2p.Concat<IItmReferenceCase>(area), c => Assert.NotNull(c.ExpectedLossDb));
        Assert.Equal(3679, p2p[0].Input.Profile.Intervals);
        Assert.Equal(2, p2p[0].Line);
    }

    [Theory]
    [MemberData(nameof(P2PNumbers))]
    public void Point_to_point_case_reproduces_the_published_loss(int number) =>
        AssertReproduces(ItmReferenceCases.ReadP2P(P2PCases, Profiles)[number - 1]);

    [Theory]
    [MemberData(nameof(AreaNumbers))]
    public void Area_case_reproduces_the_published_loss(int number) =>
        AssertReproduces(ItmReferenceCases.ReadArea(AreaCases)[number - 1]);

    private void AssertReproduces(IItmReferenceCase c)
    {
        var outcome = ItmCaseOutcome.Of(c);
        Assert.Null(outcome.Error);
        var result = outcome.Result!.Value;
        output.WriteLine($"{c.File}:{c.Line} case {c.Number}: expected {c.ExpectedLossDb:0.00} ours {result.BasicTransmissionLossDb:0.0000} diff {outcome.DifferenceDb:+0.0000;-0.0000} mode {result.Mode} warnings {result.Warnings}");
        Assert.InRange(Math.Abs(outcome.DifferenceDb!.Value), 0, ToleranceDb);
    }
}
