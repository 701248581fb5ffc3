using System.Globalization;
using System.Reflection;

namespace Dala.Registry.Store;

/// <summary>
/// Versioned SQL scripts embedded in a storage assembly (Migrations/NNNN_name.sql), and the rule every store
/// follows: apply what is missing in order, record each once, refuse a schema newer than the program knows.
/// </summary>
public static class SchemaScripts
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> Load(Assembly assembly, string resourcePrefix) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[resourcePrefix.Length..^4];
                using var s = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Script(int.Parse(file[..4], CultureInfo.InvariantCulture), file[5..], s.ReadToEnd());
            })
            .OrderBy(m => m.Version).ToArray();

    /// <summary>Throws the message users see when a store was written by a newer Dala.</summary>
    public static void EnsureKnown(int current, int latest, string describe)
    {
        if (current > latest)
            throw new StoreException($"{describe} has schema version {current}, newer than this Dala knows ({latest}): upgrade Dala before using this store");
    }
}
