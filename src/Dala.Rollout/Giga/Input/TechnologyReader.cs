namespace Dala.Rollout.Giga.Input;

/// <summary>One entry of "technologies": Fiber, Cellular, Satellite or P2P with its capex, opex, constraints and electricity.</summary>
internal static class TechnologyReader
{
    public static TechnologyConfig Read(JsonField t)
    {
        var kind = t.Child("technology");
        var capex = t.Child("capex");
        var opex = t.Child("opex");
        var limits = t.Child("constraints");
        var power = Electricity(t.Child("electricity_config"));
        double Cap() => limits.Child("maximum_bandwithd").Number();
        double Need() => limits.Child("required_power").Number();
        double Fixed(JsonField f) => f.Child("fixed_costs").Number();
        double PerMbps() => opex.Child("annual_bandwidth_cost_per_mbps").Number();
        return kind.Text() switch
        {
            "Fiber" => new FibreConfig(capex.Child("cost_per_km").Number(), Fixed(capex), EconomiesOfScale(capex), Fixed(opex),
                opex.Child("cost_per_km").Number(), PerMbps(), limits.Child("maximum_connection_length").Number(0, double.PositiveInfinity, true),
                limits.Child("correction_coeficient").Number(0, double.PositiveInfinity, true), Cap(), Need(), power),
            "Cellular" => new CellularConfig(Fixed(capex), Fixed(opex), PerMbps(), limits.Child("maximum_range").Number(0, double.PositiveInfinity, true),
                [.. limits.Child("valid_cellular_technologies").Items().Select(i => i.Text())], Cap(), Need(), power),
            "Satellite" => new SatelliteConfig(Fixed(capex), Fixed(opex), PerMbps(), Cap(), Need(), power),
            "P2P" => new P2PConfig(Fixed(capex), capex.Child("tower_fixed_costs").Number(), Fixed(opex), PerMbps(),
                limits.Child("maximum_range").Number(0, double.PositiveInfinity, true), Cap(), Need(), power),
            _ => throw kind.Error("expected Fiber, Cellular, Satellite or P2P"),
        };
    }

    /// <summary>economies_of_scale lets connected schools relay fibre; schools_as_fiber_nodes (existing fibre schools) is read and checked only: the case has none.</summary>
    private static bool EconomiesOfScale(JsonField capex)
    {
        capex.Child("schools_as_fiber_nodes").Flag();
        return capex.Child("economies_of_scale").Flag();
    }

    private static ElectricityConfig Electricity(JsonField e)
    {
        var limits = e.Child("constraints");
        return new ElectricityConfig(e.Child("capex").Child("solar_cost_per_watt").Number(), e.Child("opex").Child("cost_per_kwh").Number(),
            limits.Child("required_power_per_school").Number(), limits.Child("allow_new_electricity").Flag());
    }
}
