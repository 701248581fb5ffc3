using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// A store made through the CLI as the README tour makes it (national regions and settlements, the SYNTHETIC
/// scenario and site layout), built once; each test plans on its own copy.
/// </summary>
public sealed class PlanStoreFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public PlanStoreFixture()
    {
        foreach (var args in new[]
                 {
                     new[] { "import", "regions", SharedData.RegionsGeoJson }, ["import", "settlements", SharedData.HotOsmPlaces],
                     ["scenario", "seed"], ["scenario", "sites", "--count", "2000"],
                 })
        {
            var run = CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);
            Assert.True(run.Exit == 0, run.Err + run.Out);
        }
    }

    /// <summary>Copies the store into a folder; returns the copy's path.</summary>
    public string CopyTo(string folder)
    {
        var target = Path.Combine(folder, "kz.db");
        // With its write-ahead log: the fixture's CLI runs in this process, whose pooled connections keep the store open,
        // so its last writes may still be in kz.db-wal (the pair opens as one store).
        File.Copy(_dir.File("kz.db"), target, overwrite: true);
        if (File.Exists(_dir.File("kz.db-wal"))) File.Copy(_dir.File("kz.db-wal"), target + "-wal", overwrite: true);
        return target;
    }

    public void Dispose() => _dir.Dispose();
}
