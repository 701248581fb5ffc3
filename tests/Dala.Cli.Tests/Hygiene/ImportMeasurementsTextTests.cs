using Dala.Testing;

namespace Dala.Cli.Tests.Hygiene;

/// <summary>dala import measurements: a line with text that cannot be a string is quarantined by name; the import ends with its summary.</summary>
public sealed class ImportMeasurementsTextTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Good = "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88}";

    [Fact]
    public void A_lone_surrogate_is_quarantined_and_the_import_finishes_with_its_summary()
    {
        var file = _dir.Write("tests.ndjson", "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"operator\":\"\\ud800\"}\n" + Good + "\n");
        var run = CliRun.In(_dir.Path, "import", "measurements", file);
        Assert.True(run.Exit == 0, run.Err + run.Out);
        Assert.Contains("tests.ndjson:1: json: invalid text (lone surrogate) at operator", run.Out);
        Assert.Matches(@"stored \(new\)\s+1", run.Out);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_quarantined_by_line()
    {
        var path = Path.Combine(_dir.Path, "bytes.ndjson");
        File.WriteAllBytes(path, [.. "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"operator\":\"x"u8, 0xFF, .. "\"}\n"u8, .. System.Text.Encoding.UTF8.GetBytes(Good + "\n")]);
        var run = CliRun.In(_dir.Path, "import", "measurements", path);
        Assert.True(run.Exit == 0, run.Err + run.Out);
        Assert.Contains("bytes.ndjson:1: json: invalid text (invalid UTF-8) at character 58", run.Out);
        Assert.Matches(@"stored \(new\)\s+1", run.Out);
    }

    [Fact]
    public void A_file_name_longer_than_a_dataset_name_may_be_is_refused_with_exit_2()
    {
        var file = _dir.Write(new string('n', 140) + ".ndjson", Good + "\n");
        var run = CliRun.In(_dir.Path, "import", "measurements", file);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains("its name has 147 characters, more than 128", run.Err);
    }
}
