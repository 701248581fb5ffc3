using System.Text.Json;
using Dala.Geo.Io;

namespace Dala.Radio.Calibration;

/// <summary>A calibration's samples as GeoJSON points (the residual map) and its settlement mismatches as CSV (evidence for coverage challenges).</summary>
public static class CalibrationExport
{
    public static void WriteResidualsGeoJson(Utf8JsonWriter w, Calibration c)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber("calibrationId", c.Id);
        w.WriteBoolean("synthetic", c.Synthetic);
        w.WriteStartArray("features");
        foreach (var s in c.Samples)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(Math.Round(s.Location.Lon, 6));
            w.WriteNumberValue(Math.Round(s.Location.Lat, 6));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("test", s.TestId);
            w.WriteString("operator", s.Operator);
            if (s.SettlementId is null) w.WriteNull("settlement"); else w.WriteString("settlement", s.SettlementId);
            w.WriteString("group", s.Group);
            w.WriteNumber("distanceKm", Math.Round(s.DistanceKm, 3));
            w.WriteNumber("predictedDbm", Round(s.PredictedRsrpDbm));
            w.WriteNumber("measuredDbm", Round(s.MeasuredRsrpDbm));
            w.WriteNumber("calibratedDbm", Round(s.CalibratedRsrpDbm));
            w.WriteNumber("residualDb", Round(s.ResidualBeforeDb));
            w.WriteNumber("residualAfterDb", Round(s.ResidualAfterDb));
            w.WriteNumber("predictedMbps", Round(s.PredictedMbps));
            w.WriteNumber("measuredMbps", Round(s.MeasuredMbps));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static readonly string[] MismatchColumns = ["settlement_id", "operator", "access", "kind", "lon", "lat", "tests", "median_mbps", "predicted_rsrp_dbm",
        "predicted_mbps", "calibrated_rsrp_dbm", "calibrated_covered", "calibration_id", "synthetic"];

    public static void WriteMismatchesCsv(TextWriter text, Calibration c)
    {
        var csv = new CsvWriter(text);
        csv.Row(MismatchColumns);
        foreach (var m in c.Mismatches)
            csv.Row(m.SettlementId, m.Operator, m.Access, m.Kind, m.Location.Lon, m.Location.Lat, m.Tests, Round(m.MedianMbps), Round(m.PredictedRsrpDbm),
                Round(m.PredictedMbps), Round(m.CalibratedRsrpDbm), m.CalibratedCovered, c.Id, c.Synthetic);
    }

    public static double Round(double v) => Math.Round(v, 2);

    public static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}
