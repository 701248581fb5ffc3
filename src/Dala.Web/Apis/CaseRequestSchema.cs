using Microsoft.OpenApi;

namespace Dala.Web.Apis;

/// <summary>The JSON schemas of the case bodies, written by hand; the readers take their lists of fields from here.</summary>
internal static class CaseRequestSchema
{
    public static IReadOnlyList<string> OpenFields => [.. Open.Properties!.Keys];

    public static IReadOnlyList<string> StepFields => [.. Step.Properties!.Keys];

    public static readonly OpenApiSchema Open = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "obligation", "operator", "region", "n", "k" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["obligation"] = Text("the obligation's id"),
            ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Description = "the obligation's version" },
            ["operator"] = Text("the operator's id"),
            ["region"] = Text("the region's code"),
            ["settlement"] = Text("the settlement, when the unit is one"),
            ["from"] = Day("the period's first day"),
            ["to"] = Day("the period's last day (give both from and to, or neither)"),
            ["n"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Description = "tests in the evidence" },
            ["k"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0", Description = "tests that met the obligation (at most n)" },
            ["estimate"] = new OpenApiSchema { Type = JsonSchemaType.Number, Description = "the estimate" },
            ["ciLow"] = new OpenApiSchema { Type = JsonSchemaType.Number, Description = "the confidence interval's lower end" },
            ["ciHigh"] = new OpenApiSchema { Type = JsonSchemaType.Number, Description = "the confidence interval's upper end (>= ciLow)" },
            ["synthetic"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "the evidence is synthetic (default false)" },
            ["actor"] = Text(IgnoredActor),
            ["date"] = Day("the date it is opened (default today)"),
            ["note"] = Text("a note kept with the step"),
        },
    };

    public static readonly OpenApiSchema Step = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "to" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["to"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Description = "the state to move to",
                Enum = [.. Quality.Cases.CaseNames.States.Select(s => (System.Text.Json.Nodes.JsonNode)s)],
            },
            ["actor"] = Text(IgnoredActor),
            ["date"] = Day("the step's date (default today)"),
            ["note"] = Text("a note kept with the step"),
            ["outcome"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Description = "a decision's outcome",
                Enum = [.. Quality.Cases.CaseNames.Outcomes.Select(s => (System.Text.Json.Nodes.JsonNode)s)],
            },
        },
    };

    /// <summary>The actor field older clients send: read (a string) but not used.</summary>
    public const string IgnoredActor = "ignored: the step is recorded under the signed-in user or API key (user:NAME, key:NAME)";

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Day(string description) => new() { Type = JsonSchemaType.String, Format = "date", Description = description };
}
