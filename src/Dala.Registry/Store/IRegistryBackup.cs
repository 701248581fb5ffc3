namespace Dala.Registry.Store;

/// <summary>Whole-store backup and restore, in the store's native format or Dala's portable dump.</summary>
public interface IRegistryBackup
{
    /// <summary>Writes a backup; returns a sentence saying what was written (format, size).</summary>
    string Backup(string path, bool portable);

    /// <summary>Replaces the store's contents with the backup (native or portable; detected). Refuses a non-empty store unless replace.</summary>
    string Restore(string path, bool replace);
}
