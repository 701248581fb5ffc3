using BenchmarkDotNet.Running;
using Dala.Benchmarks;

// dotnet run -c Release -- first-render [runs]   time to first map render in Chromium
// dotnet run -c Release -- ndt7 [streams] [seconds] ndt7 download throughput over loopback
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
BenchmarkSwitcher.FromAssembly(typeof(SharedData).Assembly).Run(args);
return 0;
