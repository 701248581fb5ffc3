using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dala.Radio.Calibration;

/// <summary>A calibration as one JSON document (the stores keep it whole beside a few columns to list by).</summary>
public static class CalibrationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(Calibration c) => JsonSerializer.Serialize(c, Options);

    /// <summary>The calibration in <paramref name="json"/>, with the id the store gave it.</summary>
    public static Calibration Deserialize(string json, long id) =>
        (JsonSerializer.Deserialize<Calibration>(json, Options) ?? throw new InvalidDataException("a calibration's document is null")) with { Id = id };

    public static CalibrationSummary Summary(Calibration c) => new(c.Id, c.CreatedAt, c.From, c.To, c.CoverageRunId, c.Model, c.Grouping.WireName(),
        c.Synthetic, c.Samples.Count, c.Overall.RmseBeforeDb, c.Overall.RmseAfterDb);
}
