namespace Dala.Geo.Raster;

/// <summary>
/// CRC-32 as PNG (ISO 3309 / ITU-T V.42) uses it: polynomial 0xEDB88320 (reflected), initial and final XOR
/// 0xFFFFFFFF. The check value of "123456789" is 0xCBF43926.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    /// <summary>The running register before any byte; feed it to <see cref="Append"/>, then <see cref="Finish"/>.</summary>
    public const uint Start = 0xFFFFFFFFu;

    public static uint Append(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        return register;
    }

    public static uint Finish(uint register) => register ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
