using Dala.Radio.Link;

namespace Dala.Radio.Tests.Link;

/// <summary>N_RB from TS 36.101 Table 5.6-1 (LTE) and TS 38.101-1 Table 5.3.2-1 (NR FR1).</summary>
public class ResourceBlockTests
{
    [Theory]
    [InlineData(1.4, 6)]
    [InlineData(3, 15)]
    [InlineData(5, 25)]
    [InlineData(10, 50)]
    [InlineData(15, 75)]
    [InlineData(20, 100)]
    public void Lte(double mhz, int nRb) => Assert.Equal(nRb, Carrier.Lte(800, mhz).ResourceBlockCount);

    [Theory]
    [InlineData(15, 5, 25)]
    [InlineData(15, 10, 52)]
    [InlineData(15, 20, 106)]
    [InlineData(15, 50, 270)]
    [InlineData(30, 10, 24)]
    [InlineData(30, 20, 51)]
    [InlineData(30, 40, 106)]
    [InlineData(30, 60, 162)]
    [InlineData(30, 100, 273)]
    public void Nr(int scsKHz, double mhz, int nRb) => Assert.Equal(nRb, Carrier.Nr(3500, mhz, scsKHz).ResourceBlockCount);

    [Fact]
    public void A_20_MHz_lte_carrier_has_1200_subcarriers_in_18_MHz()
    {
        var c = Carrier.Lte(1800, 20);
        Assert.Equal(1200, c.Subcarriers);
        Assert.Equal(18e6, c.OccupiedBandwidthHz);
    }

    [Fact]
    public void Bandwidths_and_spacings_outside_the_tables_are_refused_with_the_choices()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Carrier.Lte(800, 25));
        Assert.Contains("LTE (TS 36.101 Table 5.6-1) has no 25 MHz channel; it has 1.4, 3, 5, 10, 15, 20 MHz", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Carrier.Nr(3500, 100, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Carrier(1800, 20, RadioTechnology.Lte, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Carrier.Nr(3500, 100, 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => Carrier.Lte(0, 20));
    }
}
