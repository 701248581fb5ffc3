using Dala.Radio.Link;

namespace Dala.Radio.Tests.Link;

/// <summary>
/// The 3GPP parabolic sector pattern. Parameters from 3GPP TR 36.814 V9.0.0 Table A.2.1.1-2 (phi_3dB = 70 deg,
/// A_m = 25 dB, theta_3dB = 10 deg, SLA_V = 20 dB) and TR 38.901 Table 7.3-1 (65 deg, 65 deg, 30 dB, 30 dB).
/// </summary>
public class SectorPatternTests
{
    private static readonly ThreeGppSectorPattern Tr36814 = ThreeGppSectorPattern.Tr36814;

    [Fact]
    public void The_presets_carry_the_documents_numbers()
    {
        Assert.Equal((70.0, 10.0, 25.0, 20.0), (Tr36814.HorizontalBeamwidthDeg, Tr36814.VerticalBeamwidthDeg, Tr36814.MaxAttenuationDb, Tr36814.VerticalSideLobeDb));
        var e = ThreeGppSectorPattern.Tr38901Element;
        Assert.Equal((65.0, 65.0, 30.0, 30.0), (e.HorizontalBeamwidthDeg, e.VerticalBeamwidthDeg, e.MaxAttenuationDb, e.VerticalSideLobeDb));
    }

    [Fact]
    public void Boresight_is_the_peak() => Assert.Equal(0.0, Tr36814.GainDb(0, 0));

    [Theory]
    [InlineData(70)]
    [InlineData(65)]
    public void Half_the_horizontal_beamwidth_either_side_is_3_dB_down(double phi3dB)
    {
        var p = new ThreeGppSectorPattern(phi3dB, 10, 30, 30);
        // 12 (phi / phi_3dB)^2 at phi = phi_3dB / 2 is 12 / 4 = 3 dB.
        Assert.Equal(-3.0, p.GainDb(phi3dB / 2, 0), 1e-12);
        Assert.Equal(-3.0, p.GainDb(-phi3dB / 2, 0), 1e-12);
        Assert.Equal(-3.0, p.GainDb(360 - phi3dB / 2, 0), 1e-12);
    }

    [Fact]
    public void Half_the_vertical_beamwidth_is_3_dB_down() => Assert.Equal(-3.0, Tr36814.GainDb(0, -5), 1e-12);

    [Theory]
    [InlineData(180, 0, -25)] // behind: 12 (180/70)^2 = 79 dB, limited to A_m
    [InlineData(90, 0, -19.836735)] // 12 (90/70)^2 = 19.8367 dB: not yet at A_m
    [InlineData(0, -60, -20)] // far below: 12 (60/10)^2 = 432 dB, limited to SLA_V
    [InlineData(60, -20, -25)] // A_H = -8.82, A_V = -20: the sum -28.82 limited to A_m
    public void Large_angles_are_limited_by_A_m_and_SLA_V(double az, double el, double expected)
    {
        var horizontal = -Math.Min(12 * Math.Pow(az / 70.0, 2), 25);
        var vertical = -Math.Min(12 * Math.Pow(el / 10.0, 2), 20);
        var byHand = -Math.Min(-(horizontal + vertical), 25);
        Assert.Equal(expected, byHand, 1e-6);
        Assert.Equal(byHand, Tr36814.GainDb(az, el), 1e-12);
    }

    [Fact]
    public void The_sector_applies_azimuth_and_downtilt()
    {
        var sector = new Sector(Carrier.Lte(1800, 20), 60, Tr36814, AzimuthDeg: 350, DowntiltDeg: 8);
        // A receiver 8 deg below the horizon, at bearing 10 deg (20 deg right of boresight): only A_H(20).
        Assert.Equal(-12 * Math.Pow(20 / 70.0, 2), sector.PatternGainDb(new LinkGeometry(10, -8)), 1e-12);
        // On the horizon at boresight: the tilt costs 12 (8/10)^2 = 7.68 dB.
        Assert.Equal(-7.68, sector.PatternGainDb(new LinkGeometry(350, 0)), 1e-12);
        Assert.Equal(60 - 7.68, sector.EirpTowardsDbm(new LinkGeometry(350, 0)), 1e-12);
    }

    [Fact]
    public void Omni_is_flat_and_every_pattern_refuses_non_finite_angles()
    {
        Assert.Equal(0.0, OmniPattern.Instance.GainDb(123, -45));
        Assert.Throws<ArgumentOutOfRangeException>(() => OmniPattern.Instance.GainDb(double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tr36814.GainDb(0, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreeGppSectorPattern(0, 10, 25, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tr36814 with { MaxAttenuationDb = -1 });
    }

    [Fact]
    public void Geometry_from_heights_and_its_checks()
    {
        var g = LinkGeometry.FromHeights(45, 1000, 40, 1.5);
        Assert.Equal(-Math.Atan(38.5 / 1000) * 180 / Math.PI, g.ElevationDeg, 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkGeometry(0, 95).Checked());
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkGeometry.FromHeights(0, 0, 40, 1.5));
    }
}
