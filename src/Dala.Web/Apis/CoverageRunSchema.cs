using Dala.Radio.Coverage;
using Microsoft.OpenApi;

namespace Dala.Web.Apis;

/// <summary>
/// The JSON body of POST /api/coverage/runs, written by hand so that it says what <see cref="CoverageRunReader"/>
/// accepts; the reader takes its list of fields from here. The web names no server paths: terrain and roads are
/// either none or the SYNTHETIC ones (real DEM folders and road files are for `dala radio coverage`).
/// </summary>
internal static class CoverageRunSchema
{
    public static IReadOnlyList<string> Fields => [.. Body.Properties!.Keys];

    public static readonly OpenApiSchema Body = new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["model"] = PlanRequestSchema.Text("propagation model (default itm)", [.. CoverageSettings.Models]),
            ["radiusKm"] = PlanRequestSchema.Number(JsonSchemaType.Number, "sites considered around each place, km (default 40)", "1", "200"),
            ["thresholdDbm"] = PlanRequestSchema.Number(JsonSchemaType.Number, "RSRP at or above which a place or road km is covered (default -110)", "-150", "-40"),
            ["deltaHm"] = PlanRequestSchema.Number(JsonSchemaType.Number, "ITM area-mode terrain irregularity, m (default 90)", "0", "1000"),
            ["terrain"] = PlanRequestSchema.Text("none (ITM area mode) or synthetic (a SYNTHETIC surface); default none", "none", "synthetic"),
            ["roads"] = PlanRequestSchema.Text("none or synthetic (SYNTHETIC highways between the largest cities); default none", "none", "synthetic"),
            ["raster"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Pattern = "^[-0-9.]+,[-0-9.]+,[-0-9.]+,[-0-9.]+$",
                Description = $"area of an RSRP raster: west,south,east,north in degrees (at most {CoverageRunReader.MaxRasterCells:N0} cells); none when absent",
            },
            ["cellDeg"] = PlanRequestSchema.Number(JsonSchemaType.Number, "raster cell size, degrees (default 0.01)", "0.001", "0.5"),
        },
    };
}
