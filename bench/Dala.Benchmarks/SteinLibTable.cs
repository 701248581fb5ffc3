using Dala.Fibre.Bench;

namespace Dala.Benchmarks;

/// <summary>
/// The SteinLib results table: every instance of the given groups at the default budget (8 s), with the known
/// optimum, our cost, the gap, our lower bound and the seconds (reading included).
/// </summary>
public static class SteinLibTable
{
    public static int Run(IReadOnlyList<string> groups, double? seconds, long? work = null, bool cpu = false)
    {
        var optima = Path.Combine(SharedData.Root, "reference", "steinlib", "optima.csv");
        var all = new List<BenchRow>();
        foreach (var group in groups.Count > 0 ? groups : ["B", "C", "D"])
        {
            Console.WriteLine($"## SteinLib {group} ({Budget(SteinerBench.Options(seconds, 1, work, cpu))} budget)");
            Console.WriteLine();
            var rows = SteinerBench.RunFolder(Path.Combine(SharedData.Root, "reference", "steinlib", group), optima, seconds,
                progress: r => Console.Error.WriteLine($"{r.Instance}: {r.Cost} (opt {r.Optimum}) {r.Seconds:0.00} s, {r.CpuSeconds:0.00} CPU s, work {r.Work}"), work: work, cpu: cpu);
            ResultsTable.Write(rows, Console.Out);
            Console.WriteLine();
            all.AddRange(rows);
        }
        Console.WriteLine("all: " + ResultsTable.Summary(all));
        return all.Any(r => r.BoundAboveOptimum) ? 1 : 0;
    }

    private static string Budget(Dala.Fibre.Steiner.SteinerOptions o) => Dala.Fibre.Planning.FibrePlanExport.Budget(o);
}
