using BenchmarkDotNet.Running;
using Dala.Benchmarks;

// dotnet run -c Release -- first-render [runs]   time to first map render in Chromium
// dotnet run -c Release -- [BenchmarkDotNet switches, e.g. --filter *Import*]
if (args.Length > 0 && args[0] == "first-render")
{
    return await FirstRender.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
}
BenchmarkSwitcher.FromAssembly(typeof(SharedData).Assembly).Run(args);
return 0;
