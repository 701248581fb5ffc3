using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dala.Registry.Store;

namespace Dala.Rollout.Plans;

/// <summary>
/// A plan's summary and tornado bars as stored JSON: camelCase, Cyrillic kept as is, doubles in round-trip form
/// (NaN and infinities as strings), so that they read back bit-exact. Both stores keep them so.
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(PlanSummary summary) => JsonSerializer.Serialize(summary, Options);

    public static string Write(IReadOnlyList<SensitivityBar> bars) => JsonSerializer.Serialize(bars, Options);

    public static PlanSummary Summary(string json, long planId) =>
        JsonSerializer.Deserialize<PlanSummary>(json, Options) ?? throw new StoreException($"plan {planId}: its summary is missing");

    public static IReadOnlyList<SensitivityBar> Sensitivity(string json, long planId) =>
        JsonSerializer.Deserialize<SensitivityBar[]>(json, Options) ?? throw new StoreException($"plan {planId}: its sensitivity is missing");
}
