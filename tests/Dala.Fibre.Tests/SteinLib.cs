using Dala.Fibre.Bench;
using Dala.Testing;

namespace Dala.Fibre.Tests;

/// <summary>The SteinLib instances and their known optima (optima.csv), read in place from the shared data.</summary>
internal static class SteinLib
{
    public static string Folder(string group) => SharedData.Reference($"steinlib/{group}");

    public static string OptimaCsv => SharedData.Reference("steinlib/optima.csv");

    public static IReadOnlyDictionary<string, long> Optima { get; } = Bench.Optima.Read(OptimaCsv);

    public static IEnumerable<string> Files(string group) => Directory.GetFiles(Folder(group), "*.stp").Order(StringComparer.Ordinal);
}

/// <summary>The SteinLib suites share the machine's cores badly: run them one after the other.</summary>
[CollectionDefinition("SteinLib", DisableParallelization = true)]
public sealed class SteinLibCollection;
