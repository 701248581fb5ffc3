using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// Multipliers for <see cref="LagrangianBound"/> by Erlenkotter's dual ascent for facility location: every
/// customer's λ is raised, a breakpoint at a time and in rounds, while no facility's cost is over-spent
/// (Σ max(0, λ - member cost) within the facility's cost) and λ stays within the customer's cheapest own option.
/// The facility and own-option terms of the relaxation are then zero, and raising a λ can never lower the fibre
/// term by more than it adds, so the bound is at least the facility-location dual plus the fibre tree's part.
/// </summary>
internal static class UflDualAscent
{
    public static double[] Multipliers(ChoiceInstance inst)
    {
        var n = inst.Count;
        var lambda = new double[n];
        var cap = new double[n];
        var slack = inst.Facilities.Select(f => f.Cost).ToArray();
        var points = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var own = double.PositiveInfinity;
            var breaks = new List<double>();
            foreach (var o in inst.Options[i])
            {
                if (o.Facility < 0) own = Math.Min(own, o.Cost);
                else breaks.Add(o.Cost);
            }
            cap[i] = inst.Options[i].Length == 0 ? (inst.FibreOption[i] is null ? 0 : ChoiceHeuristic.MaxMultiplier) : Math.Min(own, ChoiceHeuristic.MaxMultiplier);
            breaks.Add(cap[i]);
            points[i] = [.. breaks.Where(b => b <= cap[i]).Distinct().Order()];
            lambda[i] = inst.Options[i].Length == 0 ? cap[i] : Math.Min(points[i][0], cap[i]);
        }
        var order = Enumerable.Range(0, n).OrderBy(i => inst.Options[i].Length).ToArray();
        for (var round = 0; round < 200; round++)
        {
            var moved = false;
            foreach (var i in order)
            {
                if (lambda[i] >= cap[i]) continue;
                var target = cap[i];
                foreach (var b in points[i])
                    if (b > lambda[i] + 1e-9) { target = b; break; }
                var delta = target - lambda[i];
                foreach (var o in inst.Options[i])
                    if (o.Facility >= 0 && o.Cost <= lambda[i] + 1e-9) delta = Math.Min(delta, slack[o.Facility]);
                if (delta <= 1e-9) continue;
                foreach (var o in inst.Options[i])
                    if (o.Facility >= 0 && o.Cost <= lambda[i] + 1e-9) slack[o.Facility] -= delta;
                lambda[i] += delta;
                moved = true;
            }
            if (!moved) break;
        }
        return lambda;
    }
}
