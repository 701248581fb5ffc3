using System.Security.Cryptography;

namespace Dala.Registry.Import;

/// <summary>A file to import, read whole (the registry's inputs are megabytes), with its hash and display name.</summary>
public sealed record InputFile(string Path, string Name, byte[] Bytes)
{
    public string Sha256 => Convert.ToHexString(SHA256.HashData(Bytes)).ToLowerInvariant();

    /// <summary>Reads the file, or returns an error naming it when it cannot be read.</summary>
    public static InputFile? TryRead(string path, ImportTally tally)
    {
        try
        {
            if (Directory.Exists(path)) { tally.Reject(0, "file", "is a directory, not a file"); return null; }
            return new InputFile(path, System.IO.Path.GetFileName(path), File.ReadAllBytes(path));
        }
        catch (FileNotFoundException) { tally.Reject(0, "file", "not found"); }
        catch (DirectoryNotFoundException) { tally.Reject(0, "file", "not found (no such folder)"); }
        catch (UnauthorizedAccessException) { tally.Reject(0, "file", "permission denied"); }
        catch (IOException e) { tally.Reject(0, "file", $"cannot be read: {e.Message}"); }
        return null;
    }

    public TextReader OpenText() => new StreamReader(new MemoryStream(Bytes), System.Text.Encoding.UTF8, true);
}
