using Dala.Geo;
using Dala.Geo.Io;
using Dala.Radio.Coverage;
using NetTopologySuite.Geometries;

namespace Dala.Radio.Tests.Coverage;

public class RoadsAndRasterTests
{
    private static double Rsrp(LonLat p) => p.Lon < 71 ? -80 : -130;

    [Fact]
    public void A_road_counts_the_kilometres_at_or_above_the_threshold()
    {
        var line = GeoJsonGeometry.Factory.CreateLineString([new Coordinate(70.0, 50), new Coordinate(72.0, 50)]);
        var road = new Road("r", "test road", "trunk", line, false);
        var r = Assert.Single(RoadAssessment.Assess([road], Rsrp, -110, stepKm: 0.5));
        var total = GeoMath.DistanceKm(new LonLat(70, 50), new LonLat(72, 50));
        Assert.Equal(total, r.Km, 6);
        Assert.InRange(r.Share, 0.49, 0.51);
    }

    [Fact]
    public void Multilines_add_up_and_other_geometries_are_refused()
    {
        var f = GeoJsonGeometry.Factory;
        var multi = f.CreateMultiLineString([f.CreateLineString([new Coordinate(70, 50), new Coordinate(70.5, 50)]), f.CreateLineString([new Coordinate(71.5, 50), new Coordinate(72, 50)])]);
        var r = Assert.Single(RoadAssessment.Assess([new Road("m", null, null, multi, false)], Rsrp, -110));
        Assert.InRange(r.Share, 0.49, 0.51);
        var point = new Road("p", null, null, f.CreatePoint(new Coordinate(70, 50)), false);
        Assert.Throws<AggregateException>(() => RoadAssessment.Assess([point], Rsrp, -110));
    }

    [Fact]
    public void The_raster_holds_the_best_rsrp_at_cell_centres_and_no_data_out_of_range()
    {
        var grid = CoverageRaster.Compute(new BBox(70, 49, 72, 51), 0.5, p => p.Lat > 50.5 ? double.NaN : Rsrp(p));
        Assert.Equal((4, 4), (grid.Width, grid.Height));
        Assert.Equal(CoverageRaster.NoData, grid[0, 0]);
        Assert.Equal(-80f, grid[1, 2]);
        Assert.Equal(-130f, grid[3, 3]);
        Assert.Throws<ArgumentException>(() => CoverageRaster.Compute(new BBox(0, 0, 80, 80), 0.001, _ => 0));
    }
}

public class CoverageFilesTests
{
    [Fact]
    public void Raster_files_are_a_real_png_and_a_little_endian_geotiff()
    {
        var grid = CoverageRaster.Compute(new BBox(70, 49, 72, 51), 0.5, p => -90 - p.Lat);
        var files = CoverageRunner.Files(grid, 0.5, synthetic: true);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, files.Png[..8]);
        Assert.Equal("II*\0"u8.ToArray(), files.GeoTiff[..4]);
        var tiff = Dala.Geo.Raster.TiffReader.Read(files.GeoTiff);
        Assert.Equal((4, 4), (tiff.Width, tiff.Height));
        Assert.Contains("SYNTHETIC", tiff.MetadataXml ?? "");
        Assert.Contains("Best RSRP", files.LegendJson);
    }
}
