namespace Dala.Rollout.Costs;

public sealed partial class CostBook
{
    public double DiscountRate => this["discount_rate"];

    public int HorizonYears => (int)Math.Round(this["horizon_years"]);

    /// <summary>The factor that brings a cost paid <paramref name="years"/> after the plan date to today.</summary>
    public double Discount(double years) => Math.Pow(1 + DiscountRate, -years);

    /// <summary>
    /// The present value, at the start of service, of an opex paid at the end of each year of the horizon:
    /// the annuity factor (1 - (1+r)^-H) / r (H when r = 0).
    /// </summary>
    public double OpexFactor => DiscountRate == 0 ? HorizonYears : (1 - Math.Pow(1 + DiscountRate, -HorizonYears)) / DiscountRate;

    /// <summary>Life-cycle cost at the start of service: capex now and opex every year of the horizon.</summary>
    public double LifeCycle(double capex, double opexPerYear) => capex + opexPerYear * OpexFactor;

    /// <summary>The Dala.Fibre cost book (tenge per km by road class) this cost book implies.</summary>
    public Fibre.Roads.CostBook FibrePerKm => new(this["fibre_per_km_paved_road"], this["fibre_per_km_minor_road"], this["fibre_per_km_track"],
        this["fibre_per_km_rail"], this["fibre_per_km_connector"]);
}
