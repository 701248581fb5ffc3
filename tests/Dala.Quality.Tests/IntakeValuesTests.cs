using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Registry.Store;
using Dala.Testing;

namespace Dala.Quality.Tests;

/// <summary>The builder's plausibility checks: speeds are judged in Mbit/s, whatever unit the line gives them in.</summary>
public class IntakeValuesTests
{
    /// <summary>An intake of t.csv on 2026-11-21 with an empty registry and no operator prefixes (shared by the intake tests).</summary>
    internal static readonly IntakeContext Context = new(MeasurementSource.Import, "t.csv", FakeClock.At("2026-11-21T12:00:00Z"),
        new Placement(RegistrySnapshot.Empty), OperatorPrefixes.Empty);

    internal static (Measurement? Measurement, IReadOnlyList<string> Problems) Build(string json) =>
        MeasurementBuilder.Build(RawLine.FromJson(1, json), Context);

    private static string Tile(string downKbps, string upKbps) =>
        $"{{\"quadkey\":\"1202102332221212\",\"time\":\"2025-07-01T00:00:00Z\",\"avg_d_kbps\":{downKbps},\"avg_u_kbps\":{upKbps},\"avg_lat_ms\":9,\"tests\":40,\"devices\":11}}";

    [Fact]
    public void An_Ookla_tile_above_100_000_kbps_is_a_fast_tile_in_Mbit_s_not_an_absurd_one()
    {
        var (m, problems) = Build(Tile("250000", "120500"));
        Assert.Empty(problems);
        Assert.Equal((MeasurementKind.Tile, 250.0, 120.5), (m!.Kind, m.DownMbps!.Value, m.UpMbps!.Value));
    }

    [Theory]
    [InlineData("100000000", true)]  // exactly 100 Gbit/s: the limit itself is plausible
    [InlineData("100000001", false)]
    [InlineData("10000000000", false)] // 10 Tbit/s
    public void The_100_Gbit_s_limit_applies_to_tiles_after_the_conversion(string downKbps, bool stored)
    {
        var (m, problems) = Build(Tile(downKbps, "1000"));
        Assert.Equal(stored, m is not null);
        if (!stored) Assert.Equal([$"downKbps: {downKbps} kbit/s is not plausible (more than 100 Gbit/s)"], problems);
    }

    [Fact]
    public void A_negative_tile_speed_is_named_in_its_unit() =>
        Assert.Equal(["upKbps: -5 kbit/s is negative"], Build(Tile("1000", "-5")).Problems);

    [Theory]
    [InlineData("100000", true)]
    [InlineData("100000.5", false)]
    public void Tests_in_Mbit_s_keep_the_same_limit(string down, bool stored) =>
        Assert.Equal(stored, Build($"{{\"time\":\"2026-10-01T10:00:00Z\",\"downMbps\":{down}}}").Measurement is not null);
}
