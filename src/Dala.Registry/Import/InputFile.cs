using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

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

    /// <summary>
    /// Reads the file and checks that it is UTF-8 (a BOM is allowed): a byte that is not UTF-8 (a file saved as
    /// Windows-1251 or UTF-16) is a rejection naming its line, where decoding would have replaced it with U+FFFD
    /// without a word. The registry importers read through this.
    /// </summary>
    public static InputFile? TryReadUtf8(string path, ImportTally tally)
    {
        var file = TryRead(path, tally);
        if (file is null || Utf8.IsValid(file.Bytes)) return file;
        var bytes = file.Bytes.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            tally.Reject(1, "encoding", "the file is UTF-16: save it as UTF-8");
            return null;
        }
        var at = 0;
        while (Rune.DecodeFromUtf8(bytes[at..], out _, out var used) == OperationStatus.Done) at += used;
        var line = bytes[..at].Count((byte)'\n') + 1;
        var column = at - (bytes[..at].LastIndexOf((byte)'\n') + 1) + 1;
        tally.Reject(line, "encoding", string.Create(CultureInfo.InvariantCulture,
            $"byte 0x{bytes[at]:X2} at byte {column} of the line is not UTF-8: the file must be UTF-8 (not Windows-1251 or Latin-1)"));
        return null;
    }

    public TextReader OpenText() => new StreamReader(new MemoryStream(Bytes), System.Text.Encoding.UTF8, true);
}
