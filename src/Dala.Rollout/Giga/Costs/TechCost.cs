namespace Dala.Rollout.Giga.Costs;

/// <summary>One school's cost for one technology (USD): capex and annual opex, with the electricity parts apart as in Giga.</summary>
public sealed record TechCost(double Capex, double Opex, double ElectricityCapex, double ElectricityOpex)
{
    /// <summary>Giga's technology_connectivity_cost: (capex + electricity capex) + (opex + electricity opex) × years, no discounting.</summary>
    public double Total(int years) => Capex + ElectricityCapex + (Opex + ElectricityOpex) * years;
}
