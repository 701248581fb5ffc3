using System.Buffers.Binary;
using System.Globalization;

namespace Dala.Geo.Raster;

/// <summary>
/// Writes a <see cref="RasterGrid"/> as a single-band, uncompressed, stripped, little-endian GeoTIFF in EPSG:4326
/// (geographic, PixelIsArea), with the NoData value in GDAL's GDAL_NODATA tag.
/// </summary>
public static class GeoTiffWriter
{
    private const int TargetStripBytes = 8 * 1024;

    public static void Write(RasterGrid grid, Stream output, GeoTiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(output);
        options ??= GeoTiffOptions.Default;
        var uint8 = options.SampleType == GeoTiffSampleType.UInt8;
        if (uint8) CheckUInt8(grid);
        var spec = grid.Spec;
        var bytesPerSample = uint8 ? 1 : 4;
        var rowBytes = spec.Width * bytesPerSample;
        var rowsPerStrip = options.RowsPerStrip ?? Math.Max(1, TargetStripBytes / rowBytes);
        if (rowsPerStrip < 1) throw new ArgumentException($"RowsPerStrip {rowsPerStrip} must be at least 1", nameof(options));
        rowsPerStrip = Math.Min(rowsPerStrip, spec.Height);
        var strips = (spec.Height + rowsPerStrip - 1) / rowsPerStrip;
        if ((long)rowsPerStrip * rowBytes > int.MaxValue)
            throw new ArgumentException($"{rowsPerStrip} rows of {rowBytes} bytes make a strip over 2 GiB; use fewer rows per strip", nameof(options));
        var lengths = Enumerable.Range(0, strips)
            .Select(s => Math.Min(rowsPerStrip, spec.Height - s * rowsPerStrip) * rowBytes).ToArray();

        var d = new TiffDirectoryBuilder();
        d.Longs(TiffTag.ImageWidth, (uint)spec.Width);
        d.Longs(TiffTag.ImageLength, (uint)spec.Height);
        d.Shorts(TiffTag.BitsPerSample, (ushort)(bytesPerSample * 8));
        d.Shorts(TiffTag.Compression, 1);
        d.Shorts(TiffTag.PhotometricInterpretation, 1); // BlackIsZero
        d.Shorts(TiffTag.SamplesPerPixel, 1);
        d.Longs(TiffTag.RowsPerStrip, (uint)rowsPerStrip);
        d.Rational(TiffTag.XResolution, 1, 1);
        d.Rational(TiffTag.YResolution, 1, 1);
        d.Shorts(TiffTag.PlanarConfiguration, 1);
        d.Shorts(TiffTag.ResolutionUnit, 1); // no absolute unit
        d.Shorts(TiffTag.SampleFormat, (ushort)(uint8 ? 1 : 3));
        d.Doubles(TiffTag.ModelPixelScale, spec.CellWidth, spec.CellHeight, 0);
        d.Doubles(TiffTag.ModelTiepoint, 0, 0, 0, spec.West, spec.North, 0);
        d.Shorts(TiffTag.GeoKeyDirectory,
            1, 1, 0, 3, // KeyDirectoryVersion, KeyRevision, MinorRevision, NumberOfKeys
            GeoKey.GTModelType, 0, 1, GeoKey.ModelTypeGeographic,
            GeoKey.GTRasterType, 0, 1, GeoKey.RasterPixelIsArea,
            GeoKey.GeographicType, 0, 1, GeoKey.EpsgWgs84);
        if (GdalMetadataXml.Build(options) is { } xml) d.Ascii(TiffTag.GdalMetadata, xml);
        d.Ascii(TiffTag.GdalNoData, FormatNoData(grid.NoData));

        TiffFileWriter.Write(output, d, lengths, (strip, dest) =>
        {
            var cells = grid.Values.Slice(strip * rowsPerStrip * spec.Width, dest.Length / bytesPerSample);
            for (var i = 0; i < cells.Length; i++)
            {
                var v = grid.IsNoData(cells[i]) ? grid.NoData : cells[i];
                if (uint8) dest[i] = (byte)v;
                else BinaryPrimitives.WriteSingleLittleEndian(dest.Slice(i * 4), v);
            }
        });
    }

    /// <summary>Writes to <paramref name="path"/> through a temporary file beside it, so readers never see half a file.</summary>
    public static void WriteFile(RasterGrid grid, string path, GeoTiffOptions? options = null)
    {
        var tmp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var f = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
                Write(grid, f, options);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>The GDAL_NODATA text: shortest round-trip form, "nan" / "inf" / "-inf" as GDAL writes them.</summary>
    public static string FormatNoData(float noData) =>
        float.IsNaN(noData) ? "nan"
        : float.IsPositiveInfinity(noData) ? "inf"
        : float.IsNegativeInfinity(noData) ? "-inf"
        : noData.ToString("R", CultureInfo.InvariantCulture);

    private static void CheckUInt8(RasterGrid grid)
    {
        if (!IsByte(grid.NoData))
            throw new ArgumentException($"A uint8 GeoTIFF needs a whole-number NoData in 0..255, not {FormatNoData(grid.NoData)}", nameof(grid));
        var values = grid.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!grid.IsNoData(values[i]) && !IsByte(values[i]))
                throw new ArgumentException(
                    $"A uint8 GeoTIFF holds whole numbers 0..255; cell ({i % grid.Width}, {i / grid.Width}) is {FormatNoData(values[i])}", nameof(grid));
        }
    }

    private static bool IsByte(float v) => v is >= 0 and <= 255 && v == MathF.Floor(v);
}
