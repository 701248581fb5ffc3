using System.Globalization;
using Dala.Rollout.Options;

namespace Dala.Rollout.Planning;

internal sealed partial class PlanAssembly
{
    private static string M(double tenge) => (tenge / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M tenge";

    private string Reason(int i, ServeOption? option, double km, string? parent, string? binding)
    {
        if (option is not { } o) return "no option reaches the target: no fibre route, and no radio or satellite option gives 100 Mbit/s per subscriber";
        var why = o.Kind switch
        {
            OptionKind.Existing => FormattableString.Invariant($"existing mobile coverage already gives {o.MbpsPerSubscriber:0} Mbit/s per subscriber at the busy hour (radio engine)"),
            OptionKind.Leo => FormattableString.Invariant($"LEO: {o.MbpsPerSubscriber:0} Mbit/s per subscriber at the busy hour"),
            OptionKind.Fibre => FormattableString.Invariant($"fibre: {km:0.#} km of new fibre towards {Name(parent)}"),
            _ => FormattableString.Invariant($"{Inst.Facilities[o.Facility].Detail} ({Sharing(o.Facility)}); {o.MbpsPerSubscriber:0} Mbit/s per subscriber at the busy hour"),
        };
        if (NextBest(i) is { } alt) why += $"; next best: {alt}";
        var year = scheduler.Years[i];
        if (scheduler.Interim[i] is { } iy) why += FormattableString.Invariant($"; LEO in {iy} until then (for the broadband target)");
        if (year is null)
        {
            why += scheduler.Earliest[i] is null && binding is null
                ? "; not needed to meet the targets: not scheduled"
                : $"; cannot be placed within {request.Phasing.ExtraYears} years after the last target: {binding}";
        }
        else if (scheduler.Earliest[i] is { } late)
        {
            why += FormattableString.Invariant($"; late: {binding} binds by the target date; earliest {late}");
        }
        return why;
    }

    private string Name(string? settlementId) =>
        settlementId is null ? "the network" : view.Snapshot.SettlementsById.TryGetValue(settlementId, out var s) ? $"{s.Name.Local} ({s.Id})" : settlementId;

    private string Sharing(int facility) =>
        _money.FacilityUsers[facility] is var n && n <= 1 ? "serves this settlement only" : $"shared by {n} settlements";

    /// <summary>The cheapest other way (its life-cycle cost, with the whole facility when nobody else uses it), for the reason.</summary>
    private string? NextBest(int i)
    {
        var chosen = works.Sol.Assigned[i];
        (string Kind, double Cost)? best = null;
        var opts = Inst.Options[i];
        for (var k = 0; k < opts.Length; k++)
        {
            if (k == chosen) continue;
            var cost = opts[k].Cost + (opts[k].Facility >= 0 ? Inst.Facilities[opts[k].Facility].Cost : 0);
            if (best is null || cost < best.Value.Cost) best = (opts[k].Kind.WireName(), cost);
        }
        if (chosen != Choice.ChoiceSolution.Fibre && Inst.FibreOption[i] is not null && works.Paths[i].Length == 0)
            return best is null ? "fibre (not chosen: its route costs more than the other options)" : $"{best.Value.Kind} at {M(best.Value.Cost)} life-cycle";
        return best is null ? null : $"{best.Value.Kind} at {M(best.Value.Cost)} life-cycle";
    }
}
