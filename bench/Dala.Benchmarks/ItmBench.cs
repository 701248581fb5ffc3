using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dala.Radio.Itm;
using Dala.Radio.Itm.Reference;

namespace Dala.Benchmarks;

/// <summary>
/// ITM point-to-point calls per CPU-second at 500 and 2,000-point profiles (64 seeded generated cases each,
/// the same cases the peer driver reads), ours in this process and NTIA's C++ (bench/itm-bench.sh builds it)
/// in its own process. CPU time, not wall time: the figures hold on a busy machine, within its cache noise.
/// </summary>
internal static class ItmBench
{
    private const ulong Seed = 20261205;
    private const int Cases = 64;

    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var peer = args.Length > 2 ? args[2] : null;
        foreach (var points in new[] { 500, 2000 })
        {
            var cases = ItmGeneratedCases.PointToPoint(Seed + (ulong)points, Cases, points);
            var ours = Ours(cases, seconds);
            var theirs = peer is null ? (double?)null : Peer(peer, cases, seconds);
            var peerText = theirs is { } p ? p.ToString("0", CultureInfo.InvariantCulture) : "n/a";
            var ratio = theirs is { } q ? (ours / q).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"itm-p2p-{points}: ours={ours:0} peer={peerText} ratio={ratio}"));
        }
        return 0;
    }

    private static double Ours(IReadOnlyList<ItmPointToPointInput> cases, double seconds)
    {
        var sink = 0.0;
        for (var w = 0; w < 200; w++) sink += Call(cases[w % cases.Count]); // tier-up
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        long calls = 0;
        TimeSpan used;
        do
        {
            for (var i = 0; i < cases.Count; i++) sink += Call(cases[i]);
            calls += cases.Count;
            process.Refresh();
            used = process.TotalProcessorTime - start;
        }
        while (used.TotalSeconds < seconds);
        GC.KeepAlive(sink);
        return calls / used.TotalSeconds;
    }

    private static double Call(ItmPointToPointInput input)
    {
        try
        {
            return IrregularTerrainModel.PointToPoint(input).BasicTransmissionLossDb;
        }
        catch (ItmInputException)
        {
            return 0;
        }
    }

    /// <summary>Runs the peer driver on the same cases: it prints calls per CPU-second.</summary>
    private static double? Peer(string driver, IReadOnlyList<ItmPointToPointInput> cases, double seconds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"itm-bench-{Environment.ProcessId}-{cases[0].Profile.ElevationsM.Length}.txt");
        File.WriteAllText(file, CaseFile(cases));
        try
        {
            var info = new ProcessStartInfo(driver, [file, seconds.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true };
            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 && double.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var rate) ? rate : null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>One case a line: h_tx h_rx epsilon sigma N_0 f pol climate time location situation mdvar, then the pfl.</summary>
    private static string CaseFile(IReadOnlyList<ItmPointToPointInput> cases)
    {
        var sb = new StringBuilder();
        foreach (var c in cases)
        {
            var e = c.Environment;
            var v = c.Variability;
            sb.Append(CultureInfo.InvariantCulture, $"{c.TxHeightM:R} {c.RxHeightM:R} {e.Ground.RelativePermittivity:R} {e.Ground.ConductivitySPerM:R} {e.SurfaceRefractivityN0:R} {c.FrequencyMHz:R} ");
            sb.Append(CultureInfo.InvariantCulture, $"{(int)e.Polarization} {(int)e.Climate} {v.TimePercent:R} {v.LocationPercent:R} {v.SituationPercent:R} {v.Mdvar} ");
            sb.Append(CultureInfo.InvariantCulture, $"{c.Profile.Intervals} {c.Profile.StepM:R}");
            foreach (var z in c.Profile.ElevationsM.Span) sb.Append(CultureInfo.InvariantCulture, $" {z:R}");
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
