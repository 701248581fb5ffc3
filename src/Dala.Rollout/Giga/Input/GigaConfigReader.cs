using System.Collections.Immutable;
using System.Text.Json;

namespace Dala.Rollout.Giga.Input;

/// <summary>
/// Reads a scenario in Giga's MinimumCostScenarioConf layout (under "scenario_parameters", plus
/// "use_per_school_bandwidth_demand"). Every field the cost formulas use must be present and valid.
/// </summary>
public static class GigaConfigReader
{
    public static GigaScenario Read(string path)
    {
        if (!File.Exists(path)) throw new GigaInputException($"{path}: file not found");
        var name = Path.GetFileName(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new GigaInputException($"{name}: {e.Path ?? "$"}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (doc) return Parse(new JsonField(name, "$", doc.RootElement));
    }

    internal static GigaScenario Parse(JsonField root)
    {
        var perSchool = root.Child("use_per_school_bandwidth_demand").Flag();
        var p = root.Child("scenario_parameters");
        var scenarioId = p.Child("scenario_id").Text();
        var responsible = p.Child("opex_responsible");
        if (responsible.Text() is not ("Provider" or "Consumer" or "Both")) throw responsible.Error("expected Provider, Consumer or Both");
        if (p.Optional("single_tech") is { Value.ValueKind: not JsonValueKind.Null } single)
            throw single.Error("only null is supported (every listed technology is considered)");
        var techs = p.Child("technologies");
        var list = techs.Items().Select(TechnologyReader.Read).ToImmutableArray();
        if (list.IsEmpty) throw techs.Error("lists no technology");
        var twice = list.GroupBy(t => t.Technology).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw techs.Error($"{twice.Key} is listed twice");
        if (list.Any(t => t.Technology == Technology.Fiber) && list.Any(t => t.Technology == Technology.P2P))
            throw techs.Error("Fiber and P2P together run Giga's joint fibre/P2P model, which is not reproduced here; use one of them");
        return new GigaScenario(scenarioId, list, p.Child("years_opex").Whole(0, 100), p.Child("bandwidth_demand").Number(),
            p.Child("required_power_per_school").Number(), perSchool);
    }
}
