using System.Globalization;
using System.Text.RegularExpressions;
using Dala.Testing;

namespace Dala.Cli.Tests;

public sealed partial class RadioCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--p2p", "p2p.csv", 5)]
    [InlineData("--area", "area.csv", 5)]
    public void Itm_prints_one_line_per_reference_case_within_0_05_dB_of_the_published_loss(string mode, string file, int cases)
    {
        string[] args = mode == "--p2p"
            ? ["radio", "itm", "--p2p", SharedData.Reference("itm/p2p.csv"), "--profiles", SharedData.Reference("itm/pfls.csv")]
            : ["radio", "itm", "--area", SharedData.Reference("itm/" + file)];
        var run = CliRun.In(_dir.Path, args);
        Assert.True(run.Exit == 0, run.Err);
        var lines = CaseLine().Matches(run.Out).ToArray();
        Assert.Equal(cases, lines.Length);
        foreach (var m in lines)
        {
            var difference = double.Parse(m.Groups["diff"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(difference, -0.05, 0.05);
            Assert.InRange(double.Parse(m.Groups["ours"].Value, CultureInfo.InvariantCulture), 100, 250);
            Assert.Contains(m.Groups["mode"].Value, new[] { "LineOfSight", "Diffraction", "Troposcatter" });
        }
    }

    [Fact]
    public void Itm_names_the_line_of_a_malformed_case_file()
    {
        var bad = _dir.Write("bad.csv", "h_tx__meter,h_rx__meter,delta_h__meter,mdvar,d__km,tx_siting_criteria,rx_siting_criteria,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation\n" +
                                        "10,1,0,0,16,0,0,15,0.008,301,230,0,5,87,50,50\n10,1,zero,0,16,0,0,15,0.008,301,230,0,5,87,50,50\n");
        var run = CliRun.In(_dir.Path, "radio", "itm", "--area", bad);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains("bad.csv:3", run.Err);
    }

    [Fact]
    public void Itm_needs_one_kind_of_case_file()
    {
        var run = CliRun.In(_dir.Path, "radio", "itm");
        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("--p2p CASES.csv --profiles PROFILES.csv or --area CASES.csv", run.Err);
    }

    [Fact]
    public void Coverage_without_sites_says_how_to_get_them_and_with_synthetic_sites_saves_a_labelled_run()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", SharedData.HotOsmPlaces).Exit);
        var none = CliRun.In(_dir.Path, "radio", "coverage");
        Assert.Equal(ExitCodes.Rejected, none.Exit);
        Assert.Contains("no radio sites", none.Err);
        Assert.Equal(0, CliRun.In(_dir.Path, "scenario", "sites", "--count", "400").Exit);
        var hata = CliRun.In(_dir.Path, "radio", "coverage", "--model", "hata");
        Assert.Equal(ExitCodes.Rejected, hata.Exit);
        Assert.Contains("3500 MHz is outside the hata model's range", hata.Err);
        var run = CliRun.In(_dir.Path, "radio", "coverage", "--roads", "synthetic", "--raster", "76,43,78,44", "--cell-deg", "0.05", "--out", "cov");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("Coverage run 1", run.Out);
        Assert.Contains("SYNTHETIC inputs", run.Out);
        Assert.Matches(@"National\s+7,098\s+[0-9.]+%", run.Out);
        Assert.Matches(@"Roads: 15, [0-9,]+ km", run.Out);
        // Every speed says whether it is the peak (one user, idle cell) or the busy hour (per active user).
        Assert.Contains(">= 100 Mbit/s at the busy hour", run.Out);
        Assert.Contains("median peak Mbit/s (idle cell)", run.Out);
        Assert.Contains("median busy-hour Mbit/s", run.Out);
        Assert.DoesNotContain("median speed", run.Out);
        Assert.Contains("cells of 0.05° over", run.Out);
        foreach (var f in new[] { "settlements.csv", "roads.geojson", "coverage.tif", "coverage.png", "coverage.pgw", "coverage.overlay.json" })
            Assert.True(File.Exists(Path.Combine(_dir.Path, "cov", f)), f);
        Assert.Equal(7099, File.ReadAllLines(Path.Combine(_dir.Path, "cov", "settlements.csv")).Length);
    }

    [GeneratedRegex(@"case \d+: (?<ours>[0-9.]+) dB  mode (?<mode>\w+)  published [0-9.]+ dB  difference (?<diff>[-+]?[0-9.]+) dB")]
    private static partial Regex CaseLine();
}
