using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Costs;

/// <summary>
/// Giga's electricity rules: a school on the grid pays cost_per_kwh × the technology's required_power a year; one without pays
/// solar capex = the school's required power (W, the scenario's required_power_per_school) × solar_cost_per_watt, or, when
/// allow_new_electricity is false, the technology is infeasible for it.
/// </summary>
public static class Electricity
{
    public static bool Allows(TechnologyConfig tech, GigaSchool school) => school.HasElectricity || tech.Electricity.AllowNewElectricity;

    public static TechCost Add(TechCost cost, TechnologyConfig tech, GigaSchool school, GigaScenario scenario) =>
        school.HasElectricity
            ? cost with { ElectricityOpex = tech.Electricity.CostPerKwh * tech.RequiredPower }
            : cost with { ElectricityCapex = scenario.RequiredPowerPerSchool * tech.Electricity.SolarCostPerWatt };
}
