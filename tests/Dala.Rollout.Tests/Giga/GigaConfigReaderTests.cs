using System.Text.Json.Nodes;
using Dala.Rollout.Giga.Input;
using Dala.Testing;

namespace Dala.Rollout.Tests.Giga;

public sealed class GigaConfigReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_the_reference_scenarios_in_order_with_their_limits()
    {
        var s1 = GigaReference.Scenario("s1_default");
        Assert.Equal([Technology.Fiber, Technology.Cellular, Technology.Satellite], s1.Technologies.Select(t => t.Technology));
        Assert.Equal(6, s1.YearsOpex);
        Assert.Equal(47.0, s1.Get<FibreConfig>()!.MaximumConnectionKm);
        Assert.Equal(["4G", "LTE"], s1.Get<CellularConfig>()!.ValidTechnologies.ToArray());
        var s5 = GigaReference.Scenario("s5_per_school_demand_no_new_power");
        Assert.True(s5.UsePerSchoolDemand);
        Assert.False(s5.Get<SatelliteConfig>()!.Electricity.AllowNewElectricity);
        Assert.Equal(2182.0 + 979.0, GigaReference.Scenario("s6_p2p_no_line_of_sight").Get<P2PConfig>() is { } p ? p.CapexFixed + p.TowerFixed : 0);
    }

    [Theory]
    [InlineData("$.scenario_parameters.years_opex", null, "$.scenario_parameters.years_opex: missing")]
    [InlineData("$.scenario_parameters.years_opex", "2.5", "$.scenario_parameters.years_opex: 2.5 is not a whole number")]
    [InlineData("$.scenario_parameters.bandwidth_demand", "\"20\"", "$.scenario_parameters.bandwidth_demand: expected a number, found the string \"20\"")]
    [InlineData("$.scenario_parameters.technologies[0].capex.cost_per_km", "-1", "$.scenario_parameters.technologies[0].capex.cost_per_km: -1 is out of range (>= 0)")]
    [InlineData("$.scenario_parameters.technologies[0].constraints.maximum_connection_length", "0", "maximum_connection_length: 0 is out of range (> 0)")]
    [InlineData("$.scenario_parameters.technologies[1].technology", "\"Microwave\"", "$.scenario_parameters.technologies[1].technology: expected Fiber, Cellular, Satellite or P2P")]
    [InlineData("$.scenario_parameters.technologies[2].electricity_config.constraints.allow_new_electricity", "\"yes\"", "allow_new_electricity: expected true or false")]
    [InlineData("$.use_per_school_bandwidth_demand", null, "$.use_per_school_bandwidth_demand: missing")]
    [InlineData("$.scenario_parameters.opex_responsible", "\"Nobody\"", "opex_responsible: expected Provider, Consumer or Both")]
    public void Refuses_a_bad_field_naming_its_path_and_the_reason(string path, string? value, string message)
    {
        var file = Edited(path, value);
        var e = Assert.Throws<GigaInputException>(() => GigaConfigReader.Read(file));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("s.json: ", e.Message);
    }

    [Fact]
    public void Refuses_bad_json_and_a_missing_file()
    {
        var bad = _dir.Write("bad.json", "{\n \"use_per_school_bandwidth_demand\": false,\n \"scenario_parameters\": {\n");
        Assert.Matches(@"^bad\.json: .*not valid JSON \(line \d+", Assert.Throws<GigaInputException>(() => GigaConfigReader.Read(bad)).Message);
        var missing = Path.Combine(_dir.Path, "none.json");
        Assert.Equal($"{missing}: file not found", Assert.Throws<GigaInputException>(() => GigaConfigReader.Read(missing)).Message);
    }

    [Fact]
    public void Refuses_fibre_and_p2p_together_which_Giga_runs_as_a_joint_model()
    {
        var json = JsonNode.Parse(File.ReadAllText(GigaReference.Config("s1_default")))!;
        var p2p = JsonNode.Parse(File.ReadAllText(GigaReference.Config("s6_p2p_no_line_of_sight")))!["scenario_parameters"]!["technologies"]![1]!;
        json["scenario_parameters"]!["technologies"]!.AsArray().Add(p2p.DeepClone());
        var file = _dir.Write("s.json", json.ToJsonString());
        Assert.Contains("$.scenario_parameters.technologies: Fiber and P2P together", Assert.Throws<GigaInputException>(() => GigaConfigReader.Read(file)).Message);
    }

    /// <summary>s1 with one field set to a JSON value, or removed when the value is null.</summary>
    private string Edited(string path, string? value)
    {
        var root = JsonNode.Parse(File.ReadAllText(GigaReference.Config("s1_default")))!;
        var steps = path[2..].Replace("[", ".[").Split('.');
        JsonNode node = root;
        foreach (var step in steps[..^1]) node = step.StartsWith('[') ? node[int.Parse(step[1..^1])]! : node[step]!;
        if (value is null) node.AsObject().Remove(steps[^1]);
        else node[steps[^1]] = JsonNode.Parse(value);
        return _dir.Write("s.json", root.ToJsonString());
    }
}
