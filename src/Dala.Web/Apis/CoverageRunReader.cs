using System.Text.Json;
using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Model;
using Dala.Web.Http;

namespace Dala.Web.Apis;

/// <summary>The body of POST /api/coverage/runs to a <see cref="CoverageRequest"/>: every problem named by its field.</summary>
internal static class CoverageRunReader
{
    public const long MaxRasterCells = 4_000_000;

    /// <summary>The request, or null with the problems in <paramref name="errors"/>.</summary>
    public static CoverageRequest? Read(JsonElement root, IReadOnlyList<Settlement> settlements, BodyErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected a JSON object");
            return null;
        }
        var f = new JsonFields(root, "", errors, CoverageRunSchema.Fields);
        var model = f.String("model") ?? "itm";
        if (!CoverageSettings.Models.Contains(model)) errors.Invalid("model", $"'{model}' is not one of {string.Join(", ", CoverageSettings.Models)}");
        var settings = new CoverageSettings
        {
            Model = model, SearchRadiusKm = f.Number("radiusKm", 1, 200) ?? 40, CoveredRsrpDbm = f.Number("thresholdDbm", -150, -40) ?? -110,
            TerrainIrregularityM = f.Number("deltaHm", 0, 1000) ?? 90,
        };
        var terrain = Choice(f, errors, "terrain");
        var roads = Choice(f, errors, "roads");
        var cell = f.Number("cellDeg", 0.001, 0.5) ?? 0.01;
        BBox? area = null;
        if (f.String("raster") is { } text)
        {
            area = BBox.TryParse(text);
            if (area is not { } a) errors.Invalid("raster", $"'{text}' is not west,south,east,north in degrees");
            else if ((a.East - a.West) / cell * ((a.North - a.South) / cell) > MaxRasterCells)
                errors.Invalid("raster", $"{text} at {cell} degrees is more than {MaxRasterCells:N0} cells: take a smaller area or larger cells");
        }
        if (errors.Any) return null;
        return new CoverageRequest(settings, terrain == "synthetic" ? SyntheticInputs.Terrain() : null, terrain == "synthetic", null,
            roads == "synthetic" ? SyntheticInputs.Roads(settlements) : [], area, cell);
    }

    private static string Choice(JsonFields f, BodyErrors errors, string name)
    {
        var value = f.String(name) ?? "none";
        if (value is not ("none" or "synthetic")) errors.Invalid(name, $"'{value}' is not none or synthetic (the web names no server files)");
        return value;
    }
}
