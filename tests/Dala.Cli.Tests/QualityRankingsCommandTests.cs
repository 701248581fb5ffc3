using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala quality rankings and dala quality export on a store with known tests; bad options exit 2 naming the option.</summary>
public sealed class QualityRankingsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public QualityRankingsCommandTests()
    {
        var store = new SqliteRegistryStore(_dir.File("dala.db"));
        var list = new List<Measurement>();
        for (var i = 0; i < 5; i++)
        {
            list.Add(T($"a{i}", "KZ-71", 80 + i, $"10.1.{i}.0/24", "1210331310210303", false));
            list.Add(T($"b{i}", "KZ-75", 20 + i, $"10.2.{i}.0/24", "1210331310210312", false));
            list.Add(T($"s{i}", "KZ-11", 900, $"10.3.{i}.0/24", "1210331310210313", true));
        }
        new SqliteMeasurementStore(store).Append(list, []);
    }

    private static Measurement T(string id, string region, double down, string net, string quadkey, bool synthetic) => new()
    {
        Id = id, Time = new DateTimeOffset(2026, 10, 3, 12, 0, 0, TimeSpan.Zero), Source = MeasurementSource.Import, RegionCode = region,
        DownMbps = down, UpMbps = 5, LatencyMs = 20, ClientNetwork = net, Quadkey = quadkey, Synthetic = synthetic,
    };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Rankings_csv_ranks_by_median_and_synthetic_only_when_asked()
    {
        var run = CliRun.In(_dir.Path, "quality", "rankings", "--min-tests", "5", "--min-networks", "5", "--format", "csv");
        Assert.True(run.Exit == 0, run.Err);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-10,KZ-71,,1,,,82,5,20,5,5,,false", lines[1]);
        Assert.StartsWith("2026-10,KZ-75,,2,", lines[2]);

        var syn = CliRun.In(_dir.Path, "quality", "rankings", "--min-tests", "6", "--include-synthetic");
        Assert.True(syn.Exit == 0, syn.Err);
        Assert.Contains("SYNTHETIC tests included", syn.Out);
        Assert.Contains("too few tests: 5 < 6", syn.Out);
    }

    [Fact]
    public void Export_writes_published_tiles_as_geojson_and_the_rankings_csv()
    {
        var run = CliRun.In(_dir.Path, "quality", "export", "--format", "geojson", "--out", "tiles.geojson", "--min-tests", "5", "--rankings", "rankings.csv");
        Assert.True(run.Exit == 0, run.Err);
        var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("tiles.geojson"))).RootElement;
        Assert.Equal(2, doc.GetProperty("features").GetArrayLength());
        Assert.StartsWith("month,region,operator,rank", File.ReadAllText(_dir.File("rankings.csv")));
    }

    [Theory]
    [InlineData("--by", "district")]
    [InlineData("--month", "2026-13")]
    [InlineData("--min-tests", "0")]
    [InlineData("--to", "2026")]
    public void Bad_options_exit_2_naming_the_option(string option, string value)
    {
        var run = CliRun.In(_dir.Path, "quality", "rankings", option, value);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains(option, run.Err);
    }
}
