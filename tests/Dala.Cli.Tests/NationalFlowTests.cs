using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>The README tour through the CLI: import the national data, KATO, status, scenario, exports.</summary>
public sealed partial class NationalFlowTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Ok(params string[] args)
    {
        var run = CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);
        Assert.True(run.Exit == 0, run.Err + run.Out);
        return run;
    }

    [Fact]
    public void Tour_of_the_national_data()
    {
        Ok("import", "regions", SharedData.RegionsGeoJson);
        var places = Ok("import", "settlements", SharedData.HotOsmPlaces);
        Assert.Matches(@"stored \(new or changed\)\s+7,098", places.Out);
        Assert.Matches(@"isolated dwelling\s+2,320", places.Out);
        Assert.Matches(@"outside the country \(in no region polygon\)\s+384", places.Out);

        var kato = Ok("import", "kato", SharedData.Kato);
        Assert.Contains("KATO match rate per region", kato.Out);
        foreach (var r in KazakhstanRegions.All) Assert.Matches($@"{r.Code}\s+.+\s+[0-9,]+\s+[0-9,]+\s+[0-9.]+%", kato.Out);
        var national = NationalRate().Match(kato.Out);
        Assert.True(national.Success, kato.Out);
        Assert.InRange(double.Parse(national.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 50, 100);
        Assert.Contains("Unmatched in KZ-61", kato.Out);

        var again = Ok("import", "kato", SharedData.Kato);
        Assert.Matches(@"stored \(new or changed\)\s+0\b", again.Out);

        Ok("scenario", "seed");
        var status = Ok("status");
        Assert.Contains("SYNTHETIC", status.Out);
        Assert.Matches(@"National\s+[0-9,]+\s+[0-9,]+\*?\s+42\.2%", status.Out);

        Ok("export", "settlements", "--format", "geojson", "--region", "KZ-11", "--technology", "fibre", "-o", "akmola.geojson");
        using var doc = JsonDocument.Parse(File.ReadAllText(_dir.File("akmola.geojson")));
        Assert.True(doc.RootElement.GetProperty("synthetic").GetBoolean());
        var features = doc.RootElement.GetProperty("features");
        Assert.True(features.GetArrayLength() > 100);
        Assert.All(features.EnumerateArray(), f => Assert.Equal("fibre", f.GetProperty("properties").GetProperty("technology").GetString()));

        var csv = Ok("export", "progress").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(22, csv.Length);
        Assert.EndsWith(",scope,synthetic,target_broadband-2026_share,target_broadband-2026_met,target_mbps100-2027_share,target_mbps100-2027_met", csv[0]);

        var bad = CliRun.In(_dir.Path, "export", "settlements", "--region", "KZ-99", "--store", "kz.db");
        Assert.Equal(ExitCodes.Usage, bad.Exit);
        Assert.Contains("unknown region KZ-99", bad.Err);
    }

    [GeneratedRegex(@"National\s+7,098\s+[0-9,]+\s+([0-9.]+)%")]
    private static partial Regex NationalRate();
}
