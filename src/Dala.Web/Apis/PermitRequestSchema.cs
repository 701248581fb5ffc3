using Dala.Permits.Model;
using Microsoft.OpenApi;

namespace Dala.Web.Apis;

/// <summary>The JSON schema of POST /api/permits, written by hand; the reader takes its list of fields from here.</summary>
internal static class PermitRequestSchema
{
    public static IReadOnlyList<string> Fields => [.. Body.Properties!.Keys];

    /// <summary>The body's name of each stage's date (land_allotted -> landAllotted).</summary>
    public static string Json(string stageKey) => string.Concat(stageKey.Split('_').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    public static readonly OpenApiSchema Body = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "requestId" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["requestId"] = Text("the request's id (letters, digits, . _ : -)"),
            ["stage"] = Text($"set one stage of a stored request: {string.Join(" | ", PermitStages.Keys)} (with date; without date the stage is cleared)"),
            ["date"] = Day("the stage's date, with stage"),
            ["operator"] = Text("the operator (a new or replaced request)"),
            ["region"] = Text("ISO 3166-2:KZ code (a new or replaced request)"),
            ["opened"] = Day("the day the request was opened (a new or replaced request)"),
            ["lon"] = new OpenApiSchema { Type = JsonSchemaType.Number, Description = "longitude (with lat)" },
            ["lat"] = new OpenApiSchema { Type = JsonSchemaType.Number, Description = "latitude (with lon)" },
            ["siteId"] = Text("a planned or offered site"),
            ["landAllotted"] = Day("stage date"),
            ["powerConnected"] = Day("stage date"),
            ["designApproved"] = Day("stage date"),
            ["permitIssued"] = Day("stage date"),
            ["built"] = Day("stage date"),
            ["onAir"] = Day("stage date"),
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Day(string description) => new() { Type = JsonSchemaType.String, Format = "date", Description = description };
}
