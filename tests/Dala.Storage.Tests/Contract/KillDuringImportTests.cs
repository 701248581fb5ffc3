using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dala.Registry.Import;
using Dala.Storage.Postgres;
using Dala.Testing;
using Npgsql;

namespace Dala.Storage.Tests.Contract;

/// <summary>
/// A `dala import` process killed with SIGKILL while it is writing leaves no partial rows: the store holds
/// exactly what it held, and the next import goes through.
/// </summary>
public class KillDuringImportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private const int Rows = 300_000;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Sigkill_in_the_middle_of_an_import_leaves_no_partial_rows(string kind)
    {
        using var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, SystemClockForTests).Import(SharedData.RegionsGeoJson).Committed);
        var before = t.Store.ReadSnapshot();
        var big = t.Dir.File("big.csv");
        WriteBigCsv(big);

        var walBefore = WalLength(t);
        using var import = Start("import", "settlements", big, "--store", t.Spec);
        var sw = Stopwatch.StartNew();
        var writing = false;
        while (!import.HasExited && sw.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (Writing(t, walBefore)) { writing = true; break; }
            await Task.Delay(10);
        }
        Assert.True(writing, $"the import never reached its write phase (exited: {import.HasExited}) " + (import.HasExited ? await import.StandardError.ReadToEndAsync() : ""));
        import.Kill(entireProcessTree: true);
        await import.WaitForExitAsync();
        output.WriteLine($"{kind}: killed after {sw.ElapsedMilliseconds} ms, exit code {import.ExitCode}");
        Assert.NotEqual(0, import.ExitCode);

        SnapshotAssert.Same(before, t.Open().ReadSnapshot());
        var small = t.Dir.Write("small.csv", "id,name,kind,lon,lat,region\nafter-1,Kept,village,70,50,KZ-11\n");
        var next = new SettlementImporter(t.Open(), SystemClockForTests).Import(small);
        Assert.True(next.Committed, string.Join("\n", next.Rejected));
        Assert.Equal(["after-1"], t.Store.ReadSnapshot().Settlements.Select(s => s.Id));
    }

    private static readonly FakeClock SystemClockForTests = FakeClock.At("2026-11-21T12:00:00Z");

    private static void WriteBigCsv(string path)
    {
        var b = new StringBuilder("id,name,kind,population,lon,lat,region\n");
        for (var i = 0; i < Rows; i++)
            b.Append(CultureInfo.InvariantCulture, $"big-{i},Village {i},village,{100 + i % 5000},{70 + i % 1000 / 1000.0},{50 + i / 1000 / 1000.0},KZ-11\n");
        File.WriteAllText(path, b.ToString());
    }

    /// <summary>Is the import inside its write transaction with rows going in?</summary>
    private static bool Writing(TestStore t, long walBefore)
    {
        if (t.Kind == TestStore.Sqlite) return WalLength(t) > walBefore + 4_000_000;
        using var c = new NpgsqlConnection(PostgresLocation.Parse(t.Spec).ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
            "AND state = 'active' AND (query LIKE 'COPY _stage%' OR query LIKE 'INSERT INTO settlements%')", c);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    private static long WalLength(TestStore t)
    {
        var wal = new FileInfo(t.Spec + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    internal static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dala.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}
