using Dala.Registry.Query;
using Dala.Rollout.Costs;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Planning;

/// <summary>
/// The tornado: the plan's NPV re-planned (choice and phasing) with one input 20% lower and 20% higher: fibre cost per
/// km (every road class), take-up, the LEO price (terminal and subscription) and the discount rate.
/// </summary>
internal static class Sensitivity
{
    public const double Swing = 0.2;

    private static readonly (string Input, string Label, string[] Items)[] Inputs =
    [
        ("fibre_per_km", "Fibre cost per km", ["fibre_per_km_paved_road", "fibre_per_km_minor_road", "fibre_per_km_track", "fibre_per_km_rail", "fibre_per_km_connector"]),
        ("take_up", "Take-up", ["take_up"]),
        ("leo_price", "LEO price (terminal and subscription)", ["leo_terminal", "leo_subscription_month"]),
        ("discount_rate", "Discount rate", ["discount_rate"]),
    ];

    public static IReadOnlyList<SensitivityBar> Run(RegistryView view, PlanRequest request, double baseNpv, IProgress<PlanProgress>? progress, CancellationToken cancel)
    {
        var bars = new List<SensitivityBar>();
        var light = request with { Sensitivity = false, BoundIterations = 0, Choice = request.Choice with { Rounds = 3, PolishStarts = 0 } };
        for (var k = 0; k < Inputs.Length; k++)
        {
            var (input, label, items) = Inputs[k];
            double Npv(double factor)
            {
                var costs = items.Aggregate(request.Costs, (book, id) => book.Scaled(id, factor));
                if (input == "take_up" && costs["take_up"] > 1) costs = costs.With(costs.Get("take_up") with { Value = 1 });
                return NationalPlanner.Plan(view, light with { Costs = costs }, null, cancel).Summary.TotalNpvTenge;
            }
            progress?.Report(new PlanProgress($"sensitivity: {label}", (double)k / Inputs.Length));
            bars.Add(new SensitivityBar(input, label, 1 - Swing, 1 + Swing, Npv(1 - Swing), Npv(1 + Swing), baseNpv));
        }
        return bars;
    }
}
