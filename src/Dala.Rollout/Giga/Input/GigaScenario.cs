using System.Collections.Immutable;

namespace Dala.Rollout.Giga.Input;

/// <summary>The technologies Giga's minimum-cost scenario chooses between, and "None" when nothing is feasible.</summary>
public enum Technology { Fiber, Cellular, Satellite, P2P, None }

/// <summary>Power for a technology: grid opex per kWh of the technology's need, or solar capex per watt of the school's need.</summary>
public sealed record ElectricityConfig(double SolarCostPerWatt, double CostPerKwh, double RequiredPowerPerSchool, bool AllowNewElectricity);

/// <summary>What every technology configuration has: its bandwidth cap, its power need and its electricity costs.</summary>
public abstract record TechnologyConfig(Technology Technology, double MaximumBandwidth, double RequiredPower, ElectricityConfig Electricity);

public sealed record FibreConfig(double CapexPerKm, double CapexFixed, bool EconomiesOfScale, double OpexFixed, double OpexPerKm,
    double OpexPerMbps, double MaximumConnectionKm, double Correction, double MaximumBandwidth, double RequiredPower, ElectricityConfig Electricity)
    : TechnologyConfig(Technology.Fiber, MaximumBandwidth, RequiredPower, Electricity);

public sealed record CellularConfig(double CapexFixed, double OpexFixed, double OpexPerMbps, double MaximumRangeKm,
    ImmutableArray<string> ValidTechnologies, double MaximumBandwidth, double RequiredPower, ElectricityConfig Electricity)
    : TechnologyConfig(Technology.Cellular, MaximumBandwidth, RequiredPower, Electricity);

public sealed record SatelliteConfig(double CapexFixed, double OpexFixed, double OpexPerMbps, double MaximumBandwidth, double RequiredPower,
    ElectricityConfig Electricity)
    : TechnologyConfig(Technology.Satellite, MaximumBandwidth, RequiredPower, Electricity);

public sealed record P2PConfig(double CapexFixed, double TowerFixed, double OpexFixed, double OpexPerMbps, double MaximumRangeKm,
    double MaximumBandwidth, double RequiredPower, ElectricityConfig Electricity)
    : TechnologyConfig(Technology.P2P, MaximumBandwidth, RequiredPower, Electricity);

/// <summary>Giga's MinimumCostScenarioConf, plus the case's switch for per-school bandwidth demand.</summary>
public sealed record GigaScenario(string ScenarioId, ImmutableArray<TechnologyConfig> Technologies, int YearsOpex, double BandwidthDemand,
    double RequiredPowerPerSchool, bool UsePerSchoolDemand)
{
    public T? Get<T>() where T : TechnologyConfig => Technologies.OfType<T>().FirstOrDefault();

    public bool Has(Technology t) => Technologies.Any(c => c.Technology == t);

    /// <summary>The demand a school is costed at: its own, or the scenario's for every school.</summary>
    public double Demand(GigaSchool school) => UsePerSchoolDemand ? school.DemandMbps : BandwidthDemand;
}
