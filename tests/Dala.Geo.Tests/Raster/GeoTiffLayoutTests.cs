using System.Buffers.Binary;
using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class GeoTiffLayoutTests
{
    private static readonly GeoTiffOptions Labelled = new()
    {
        Description = "RSRP <best server> & \"margin\" — Ақтау",
        Unit = "dBm",
        Metadata = new Dictionary<string, string> { ["DALA_DATA"] = "SYNTHETIC", ["DALA_LAYER"] = "rsrp" },
    };

    [Fact]
    public void Header_is_little_endian_classic_tiff_with_the_IFD_at_8()
    {
        var bytes = GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5());
        Assert.Equal("II"u8.ToArray(), bytes[..2]);
        Assert.Equal(42, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2)));
        Assert.Equal(8u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(0u, TiffReader.Read(bytes).NextIfdOffset);
    }

    [Fact]
    public void Tags_ascend_and_are_exactly_the_baseline_and_GeoTIFF_set()
    {
        var image = TiffReader.Read(GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5(), Labelled));
        ushort[] expected = [256, 257, 258, 259, 262, 273, 277, 278, 279, 282, 283, 284, 296, 339, 33550, 33922, 34735, 42112, 42113];
        Assert.Equal(expected, image.Fields.Select(f => f.Tag));
        Assert.Equal(expected.Order(), image.Fields.Select(f => f.Tag)); // the reader also refuses any other order
    }

    [Fact]
    public void Out_of_line_values_sit_on_word_boundaries_inside_the_file()
    {
        var bytes = GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5(), Labelled with { RowsPerStrip = 2 });
        var image = TiffReader.Read(bytes); // also checks that nothing overlaps
        foreach (var f in image.Fields.Where(f => f.ValueOffset is not null))
        {
            Assert.Equal(0u, f.ValueOffset!.Value % 2);
            Assert.InRange(f.ValueOffset.Value + f.Data.Length, 0, bytes.Length);
        }
        Assert.All(image.Strips, s => Assert.Equal(0, s.Offset % 4));
        Assert.Equal(bytes.Length, image.Strips[^1].Offset + image.Strips[^1].Length);
    }

    [Fact]
    public void Georeferencing_tags_hold_scale_tiepoint_and_EPSG_4326_geokeys()
    {
        var image = TiffReader.Read(GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5()));
        Assert.Equal([0.25, 0.125, 0], image.Field(TiffTag.ModelPixelScale)!.Numbers());
        Assert.Equal([0, 0, 0, 51.5, 43.75, 0], image.Field(TiffTag.ModelTiepoint)!.Numbers());
        var dir = image.Field(TiffTag.GeoKeyDirectory)!;
        Assert.Equal(TiffFieldType.Short, dir.Type);
        Assert.Equal([1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326], dir.Numbers());
        Assert.Equal(new Dictionary<ushort, ushort> { [1024] = 2, [1025] = 1, [2048] = 4326 }, image.GeoKeys);
    }

    [Fact]
    public void Sample_layout_tags_describe_one_band_of_float32()
    {
        var image = TiffReader.Read(GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5()));
        Assert.Equal(1u, image.Field(TiffTag.Compression)!.Single());
        Assert.Equal(1u, image.Field(TiffTag.PhotometricInterpretation)!.Single());
        Assert.Equal(1u, image.Field(TiffTag.SamplesPerPixel)!.Single());
        Assert.Equal(1u, image.Field(TiffTag.PlanarConfiguration)!.Single());
        Assert.Equal(3u, image.Field(TiffTag.SampleFormat)!.Single());
        Assert.Equal([1.0], image.Field(TiffTag.XResolution)!.Numbers());
        Assert.Equal(TiffFieldType.Ascii, image.Field(TiffTag.GdalNoData)!.Type);
    }

    [Fact]
    public void Metadata_carries_labels_description_and_unit_in_ASCII()
    {
        var image = TiffReader.Read(GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5(), Labelled));
        var m = image.Metadata();
        Assert.Equal(new Dictionary<string, string> { ["DALA_DATA"] = "SYNTHETIC", ["DALA_LAYER"] = "rsrp" }, m.Items);
        Assert.Equal(Labelled.Description, m.Description);
        Assert.Equal("dBm", m.Unit);
        Assert.All(image.MetadataXml!, c => Assert.True(c < 0x80));
    }

    [Fact]
    public void Metadata_xml_is_escaped_twice_as_GDAL_writes_and_reads_it()
    {
        var xml = TiffReader.Read(GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5(), Labelled)).MetadataXml!;
        var items = System.Xml.Linq.XElement.Parse(xml).Elements("Item").ToDictionary(e => (string)e.Attribute("name")!);
        var description = items["DESCRIPTION"];
        Assert.Equal("description", (string)description.Attribute("role")!);
        Assert.Equal("0", (string)description.Attribute("sample")!);
        Assert.StartsWith("RSRP &lt;best server&gt; &amp; &quot;margin&quot; &#x2014; &#x410;", description.Value, StringComparison.Ordinal);
        Assert.Equal("unittype", (string)items["UNITTYPE"].Attribute("role")!);
    }

    [Fact]
    public void No_metadata_means_no_GDAL_METADATA_tag()
    {
        var image = TiffReader.Read(GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5()));
        Assert.Null(image.Field(TiffTag.GdalMetadata));
    }

    [Fact]
    public void Bad_metadata_names_are_refused()
    {
        var options = new GeoTiffOptions { Metadata = new Dictionary<string, string> { ["has space"] = "x" } };
        var e = Assert.Throws<ArgumentException>(() => GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5(), options));
        Assert.Contains("'has space'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_refuses_tags_out_of_order()
    {
        var bytes = GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5());
        // Swap the first two IFD entries (ImageWidth, ImageLength).
        var first = bytes.AsSpan(10, 12).ToArray();
        bytes.AsSpan(22, 12).CopyTo(bytes.AsSpan(10));
        first.CopyTo(bytes.AsSpan(22));
        var e = Assert.Throws<TiffFormatException>(() => TiffReader.Read(bytes));
        Assert.Contains("ascending", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_refuses_offsets_outside_the_file()
    {
        var bytes = GeoTiffRoundTripTests.Tiff(TestGrids.Float7x5());
        Assert.Throws<TiffFormatException>(() => TiffReader.Read(bytes[..^4]));
    }
}
