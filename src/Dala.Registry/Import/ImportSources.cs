using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

internal static class ImportSources
{
    /// <summary>
    /// Notes the file among the dataset's sources, once, when the import wrote something: a re-run of the same file,
    /// or a file that stores nothing (empty, header only, every row unchanged), adds nothing and so makes no revision.
    /// </summary>
    /// <param name="rows">What the store keeps from the file (stored or unchanged), in the kind's own unit.</param>
    /// <param name="read">The rows or features read from the file, skipped ones included.</param>
    public static void Record(IRegistryWriter writer, string kind, InputFile file, int rows, int read, IClock clock, bool synthetic = false)
    {
        if (!writer.HasChanges) return;
        var sha = file.Sha256;
        if (writer.Snapshot.Sources.Any(s => s.Kind == kind && s.Sha256 == sha)) return;
        writer.AddSource(new DatasetSource(kind, file.Name, sha, DatasetSource.Stamp(clock.Now), rows, synthetic) { RowsRead = read });
    }
}
