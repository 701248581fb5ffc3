using Microsoft.OpenApi;

namespace Dala.Web.Apis;

/// <summary>
/// The JSON schema of POST /api/plans's body, written by hand so that it says what <see cref="PlanRequestReader"/>
/// accepts (types, ranges, defaults); the reader takes its list of fields from here, so the two cannot drift apart.
/// </summary>
internal static class PlanRequestSchema
{
    public static IReadOnlyList<string> Fields => [.. Body.Properties!.Keys];

    public static readonly OpenApiSchema Body = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "name" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = PlanRequestReader.MaxNameLength },
            ["mode"] = Text("least-cost (default: least NPV meeting the targets) or most-people (most people served within the budget)", "least-cost", "most-people"),
            ["region"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^KZ-[0-9]{2}$", Description = "an ISO 3166-2:KZ code; the country when absent" },
            ["budgetPerYearTenge"] = Number(JsonSchemaType.Number | JsonSchemaType.Null, "capex per year, tenge; null: no limit (default 300e9)", "0", exclusive: true),
            ["regionBudgetPerYearTenge"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, AdditionalProperties = Number(JsonSchemaType.Number, "capex per year, tenge", "0", exclusive: true),
                Description = "capex budget per region and year, tenge, by region code (regions not named have no regional limit)",
            },
            ["fibreKmPerRegionYear"] = Number(JsonSchemaType.Number, "km of fibre a region can lay in a year (default 2500)", "0", exclusive: true),
            ["sitesPerRegionYear"] = Number(JsonSchemaType.Integer, "site works a region can complete in a year (default 200)", "0"),
            ["permitLeadMonths"] = Number(JsonSchemaType.Integer, "months before a new mast can carry traffic (default 12)", "0", "60"),
            ["targets"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MinItems = 1, MaxItems = TargetsReader.MaxTargets, Items = Target,
                Description = "dated targets (default: the national targets)",
            },
            ["costs"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "a cost book (format dala-cost-book) as GET /api/plans/costs gives it; items left out keep the defaults" },
            ["sensitivity"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "also re-plan with each main input 20% lower and higher (default false; takes longer)" },
        },
    };

    private static OpenApiSchema Target => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "id", "metric", "share", "by" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 64 },
            ["label"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "default: the id" },
            ["metric"] = Text("what the share counts", [.. Registry.Progress.Target.Metrics]),
            ["share"] = Number(JsonSchemaType.Number, "share of rural settlements", "0", "1"),
            ["by"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = $"YYYY-MM-DD, from the plan date to {TargetsReader.MaxYearsAhead} years after it" },
        },
    };

    internal static OpenApiSchema Text(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String, Description = description, Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)],
    };

    internal static OpenApiSchema Number(JsonSchemaType type, string description, string minimum, string? maximum = null, bool exclusive = false) => new()
    {
        Type = type, Description = description, Maximum = maximum,
        Minimum = exclusive ? null : minimum, ExclusiveMinimum = exclusive ? minimum : null,
    };
}
