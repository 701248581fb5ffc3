using BenchmarkDotNet.Running;
using Dala.Benchmarks;

// dotnet run -c Release -- first-render [runs]   time to first map render in Chromium
// dotnet run -c Release -- ndt7 [streams] [seconds] ndt7 download throughput over loopback
// dotnet run -c Release -- steinlib [B C D] [--seconds S | --cpu-seconds S] [--work N] the SteinLib results table
// dotnet run -c Release -- fibre-plan [budgets...]  the national proxy plan at several time budgets
// dotnet run -c Release -- rollout [runs]         the national rollout plan (7,098 settlements) and the exact check on regions
// dotnet run -c Release -- load URL PID [N] [S]   N concurrent clients on a running dala serve (bench/load-bench.sh)
// dotnet run -c Release -- sqlite-floor DIR COUNT  what SQLite alone costs per row of a bulk measurement load
// dotnet run -c Release -- intake STORE FILE      measurement intake: lines/s and peak memory (bench/intake-bench.sh)
// dotnet run -c Release -- intake-read FILE STORE reading + building alone: the intake into a store that discards (lines/s, CPU, peak memory)
// dotnet run -c Release -- aggregate SQLITE PG    exact percentiles: ours vs PostgreSQL and DuckDB on the same rows
// dotnet run -c Release -- itm [seconds] [peer]  ITM point-to-point calls per CPU-second, ours vs NTIA C++ (bench/itm-bench.sh)
// dotnet run -c Release -- [BenchmarkDotNet switches, e.g. --filter *Import*]
if (args.Length > 0 && args[0] == "first-render")
{
    return await FirstRender.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
}
if (args.Length > 0 && args[0] == "ndt7")
{
    var streams = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    return await Ndt7Throughput.RunAsync(streams, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
}
if (args.Length > 0 && args[0] == "steinlib")
{
    var at = Array.IndexOf(args, "--seconds");
    var cat = Array.IndexOf(args, "--cpu-seconds");
    var wat = Array.IndexOf(args, "--work");
    var time = Math.Max(at, cat);
    double? seconds = time > 0 ? double.Parse(args[time + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
    long? work = wat > 0 ? long.Parse(args[wat + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
    var groups = args.Skip(1).Where((_, i) => (time < 0 || (i + 1 != time && i + 1 != time + 1)) && (wat < 0 || (i + 1 != wat && i + 1 != wat + 1))).ToArray();
    return SteinLibTable.Run(groups, seconds, work, cpu: cat > 0);
}
if (args.Length > 0 && args[0] == "fibre-plan")
{
    return NationalFibrePlan.Run([.. args.Skip(1).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture))]);
}
if (args.Length > 0 && args[0] == "rollout")
{
    return NationalRollout.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
}
if (args.Length > 0 && args[0] == "load")
{
    return await LoadBench.RunAsync(args);
}
if (args.Length > 0 && args[0] == "store-write")
{
    return StoreWriteBench.Run(args);
}
if (args.Length > 0 && args[0] == "chunk-codec")
{
    return ChunkCodec.Run(args);
}
if (args.Length > 0 && args[0] == "sqlite-floor")
{
    var rows = long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    return args.Length > 3 && args[3] == "packed" ? SqliteFloorPacked.Run(args[1], rows) : SqliteFloor.Run(args[1], rows);
}
if (args.Length > 0 && args[0] is "intake" or "intake-read" or "aggregate")
{
    return IntakeBench.Run(args);
}
if (args.Length > 0 && args[0] == "itm")
{
    return ItmBench.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(SharedData).Assembly).Run(args);
return 0;
