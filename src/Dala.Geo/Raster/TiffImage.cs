using System.Buffers.Binary;
using System.Globalization;

namespace Dala.Geo.Raster;

/// <summary>The first image of a TIFF read by <see cref="TiffReader"/>: its fields and the one band's pixels.</summary>
public sealed class TiffImage
{
    private readonly Dictionary<ushort, TiffField> _byTag;

    internal TiffImage(byte[] file, IReadOnlyList<TiffField> fields, uint nextIfdOffset)
    {
        Fields = fields;
        NextIfdOffset = nextIfdOffset;
        _byTag = fields.ToDictionary(x => x.Tag);
        Width = (int)Required(TiffTag.ImageWidth).Single();
        Height = (int)Required(TiffTag.ImageLength).Single();
        BitsPerSample = (int)Required(TiffTag.BitsPerSample).Single();
        SampleFormat = (int)(Field(TiffTag.SampleFormat)?.Single() ?? 1);
        Expect(TiffTag.Compression, 1, "uncompressed");
        Expect(TiffTag.SamplesPerPixel, 1, "one sample per pixel");
        if (Field(TiffTag.PlanarConfiguration) is not null) Expect(TiffTag.PlanarConfiguration, 1, "chunky");
        Required(TiffTag.PhotometricInterpretation);
        if ((BitsPerSample, SampleFormat) is not ((8, 1) or (32, 3)))
            throw new TiffFormatException($"{BitsPerSample}-bit samples of format {SampleFormat} are not read (uint8 and float32 are)");
        if (Width < 1 || Height < 1) throw new TiffFormatException($"Image size {Width}×{Height} is empty");
        Strips = ReadStrips(file.Length);
        Samples = Decode(file);
        GeoKeys = GeoKeyDirectory.Parse(Field(TiffTag.GeoKeyDirectory));
    }

    /// <summary>Every IFD entry, in file order.</summary>
    public IReadOnlyList<TiffField> Fields { get; }

    /// <summary>Offset of a second IFD; 0 when this is the only image.</summary>
    public uint NextIfdOffset { get; }

    public int Width { get; }
    public int Height { get; }
    public int BitsPerSample { get; }
    public int SampleFormat { get; }
    public int RowsPerStrip { get; private set; }

    /// <summary>(offset, byte count) of each strip.</summary>
    public IReadOnlyList<(long Offset, long Length)> Strips { get; }

    /// <summary>The pixels as float32, row-major, row 0 first.</summary>
    public IReadOnlyList<float> Samples { get; }

    /// <summary>GeoKey id → inline value; empty when the file has no GeoKeyDirectoryTag.</summary>
    public IReadOnlyDictionary<ushort, ushort> GeoKeys { get; }

    public string? NoDataText => Field(TiffTag.GdalNoData)?.Text();

    public string? MetadataXml => Field(TiffTag.GdalMetadata)?.Text();

    /// <summary>The GDAL_METADATA items, unescaped as GDAL does; <see cref="GeoTiffMetadata.None"/> without the tag.</summary>
    public GeoTiffMetadata Metadata() => MetadataXml is { } xml ? GdalMetadataXml.Parse(xml) : GeoTiffMetadata.None;

    public TiffField? Field(ushort tag) => _byTag.GetValueOrDefault(tag);

    /// <summary>The grid geometry from ModelPixelScale and ModelTiepoint (raster point (0, 0) tied to west/north).</summary>
    public GridSpec Spec()
    {
        var scale = Required(TiffTag.ModelPixelScale).Numbers();
        var tie = Required(TiffTag.ModelTiepoint).Numbers();
        if (scale.Length != 3 || tie.Length != 6 || tie[0] != 0 || tie[1] != 0)
            throw new TiffFormatException("Expected one tiepoint at raster (0, 0) and a three-value pixel scale");
        return new GridSpec(tie[3], tie[4], scale[0], scale[1], Width, Height);
    }

    /// <summary>The image as a grid; NoData from GDAL_NODATA, NaN when the tag is absent.</summary>
    public RasterGrid ToGrid()
    {
        var noData = NoDataText is { } t ? float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) : float.NaN;
        return new RasterGrid(Spec(), noData, Samples.ToArray());
    }

    private List<(long, long)> ReadStrips(long fileLength)
    {
        RowsPerStrip = (int)Math.Min(Height, Field(TiffTag.RowsPerStrip)?.Single() ?? uint.MaxValue);
        var offsets = Required(TiffTag.StripOffsets).Numbers();
        var counts = Required(TiffTag.StripByteCounts).Numbers();
        var expected = (Height + RowsPerStrip - 1) / RowsPerStrip;
        if (offsets.Length != expected || counts.Length != expected)
            throw new TiffFormatException($"{offsets.Length} strip offsets and {counts.Length} byte counts; {Height} rows at {RowsPerStrip} per strip need {expected}");
        var strips = new List<(long, long)>();
        for (var i = 0; i < expected; i++)
        {
            var rows = Math.Min(RowsPerStrip, Height - i * RowsPerStrip);
            var want = (long)rows * Width * BitsPerSample / 8;
            if ((long)counts[i] != want) throw new TiffFormatException($"Strip {i} has {counts[i]} bytes; {rows} rows need {want}");
            if (offsets[i] + counts[i] > fileLength) throw new TiffFormatException($"Strip {i} runs past the end of the file");
            strips.Add(((long)offsets[i], (long)counts[i]));
        }
        return strips;
    }

    private float[] Decode(byte[] file)
    {
        var samples = new float[Width * Height];
        var k = 0;
        foreach (var (offset, length) in Strips)
        {
            var s = file.AsSpan((int)offset, (int)length);
            if (BitsPerSample == 8) foreach (var b in s) samples[k++] = b;
            else for (var i = 0; i < s.Length; i += 4) samples[k++] = BinaryPrimitives.ReadSingleLittleEndian(s[i..]);
        }
        return samples;
    }

    private TiffField Required(ushort tag) => Field(tag) ?? throw new TiffFormatException($"Required TIFF tag {tag} is missing");

    private void Expect(ushort tag, uint value, string meaning)
    {
        var actual = Required(tag).Single();
        if (actual != value) throw new TiffFormatException($"Tag {tag} is {actual}; this reader reads only {meaning} ({value})");
    }
}
