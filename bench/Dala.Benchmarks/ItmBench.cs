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
/// Before timing, the peer's answer for every case (its "check" mode) is compared with ours: loss bits, return
/// code and warnings; a difference over 1e-9 dB or in warnings is printed and makes the run exit 1.
/// </summary>
internal static class ItmBench
{
    private const ulong Seed = 20261205;
    private const int Cases = 64;

    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var peer = args.Length > 2 ? args[2] : null;
        var agreed = true;
        foreach (var points in new[] { 500, 2000 })
        {
            var cases = ItmGeneratedCases.PointToPoint(Seed + (ulong)points, Cases, points);
            if (peer is not null) agreed &= Check(peer, cases, points);
            var ours = Ours(cases, seconds);
            var theirs = peer is null ? null : PeerRate(peer, cases, seconds);
            var peerText = theirs is { } p ? p.ToString("0", CultureInfo.InvariantCulture) : "n/a";
            var ratio = theirs is { } q ? (ours / q).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"itm-p2p-{points}: ours={ours:0} peer={peerText} ratio={ratio}"));
        }
        return agreed ? 0 : 1;
    }

    /// <summary>
    /// Compares the peer's answers (its check mode: "rc warnings loss_bits loss" a case) with ours, case by case,
    /// and prints one line: how many are bit-identical, the largest difference, and any warning or error mismatch.
    /// </summary>
    private static bool Check(string driver, IReadOnlyList<ItmPointToPointInput> cases, int points)
    {
        var lines = Peer(driver, cases, "check")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (lines.Length != cases.Count)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"itm-p2p-{points} check: FAILED, the peer answered {lines.Length} of {cases.Count} cases"));
            return false;
        }
        int identical = 0, warningsDiffer = 0, errorsDiffer = 0;
        var maxDiff = 0.0;
        for (var i = 0; i < cases.Count; i++)
        {
            var f = lines[i].Split(' ');
            var rc = int.Parse(f[0], CultureInfo.InvariantCulture);
            var warnings = long.Parse(f[1], CultureInfo.InvariantCulture);
            var loss = BitConverter.Int64BitsToDouble(long.Parse(f[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            ItmResult ours;
            try
            {
                ours = IrregularTerrainModel.PointToPoint(cases[i]);
            }
            catch (ItmInputException e)
            {
                if (rc != (int)e.Error) errorsDiffer++;
                else identical++;
                continue;
            }
            if (rc >= 1000) { errorsDiffer++; continue; }
            if ((long)ours.Warnings != warnings) warningsDiffer++;
            if (BitConverter.DoubleToInt64Bits(ours.BasicTransmissionLossDb) == BitConverter.DoubleToInt64Bits(loss)) identical++;
            maxDiff = Math.Max(maxDiff, Math.Abs(ours.BasicTransmissionLossDb - loss));
        }
        var ok = maxDiff <= 1e-9 && warningsDiffer == 0 && errorsDiffer == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"itm-p2p-{points} check: {identical}/{cases.Count} bit-identical to the peer, max |diff| {maxDiff:G3} dB, warnings differ {warningsDiffer}, errors differ {errorsDiffer}{(ok ? "" : " MISMATCH")}"));
        return ok;
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

    /// <summary>The peer's calls per CPU-second on the same cases, or null if it failed.</summary>
    private static double? PeerRate(string driver, IReadOnlyList<ItmPointToPointInput> cases, double seconds) =>
        Peer(driver, cases, seconds.ToString(CultureInfo.InvariantCulture)) is { } output
        && double.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var rate) ? rate : null;

    /// <summary>Runs the peer driver on the same cases (its second argument: seconds to time, or "check"); its output, or null.</summary>
    private static string? Peer(string driver, IReadOnlyList<ItmPointToPointInput> cases, string mode)
    {
        var file = Path.Combine(Path.GetTempPath(), $"itm-bench-{Environment.ProcessId}-{cases[0].Profile.ElevationsM.Length}.txt");
        File.WriteAllText(file, CaseFile(cases));
        try
        {
            var info = new ProcessStartInfo(driver, [file, mode]) { RedirectStandardOutput = true };
            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : null;
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
