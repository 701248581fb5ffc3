using System.CommandLine;
using System.Globalization;
using Dala.Events.Capacity;
using Dala.Events.Disruption;
using Dala.Events.Synthetic;
using Dala.Quality.Intake;

namespace Dala.Cli.Commands;

public static partial class EventsCommand
{
    private static Command Capacity(StoreOption store, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "An event's id (dala events list)" };
        var share = new Option<string?>("--share-active") { Description = "Share of the crowd active at the busiest moment (default 0.156, Levi's Stadium 2017)", HelpName = "SHARE" };
        var mbps = new Option<string?>("--mbps-per-user") { Description = "Mbit/s per active user (default 0.326, Levi's Stadium 2017)", HelpName = "MBPS" };
        var market = new Option<string[]>("--market-share")
        {
            Description = "Split the demand by market share instead of equally: OPERATOR=SHARE, repeated (shares add up to at most 1)",
            HelpName = "OP=SHARE", AllowMultipleArgumentsPerToken = false,
        };
        var load = new Option<string?>("--load") { Description = "Existing load of a serving sector, 0..1 (default 0.5)", HelpName = "SHARE" };
        var reach = new Option<string?>("--reach-km") { Description = "How far from the place a serving site may be, km (default 1)", HelpName = "KM" };
        var cmd = new Command("capacity", "Demand (crowd x share active x Mbit/s per user) against the capacity of the sectors serving the place, per operator: " +
                                          "the deficit and the extra carriers and COWs that cover it (rounded up).") { id, share, mbps, market, load, reach };
        cmd.SetAction(r =>
        {
            var demand = DemandAssumptions.Default with
            {
                ShareActive = Number(r.GetValue(share), "--share-active", 1e-6, 1) ?? DemandAssumptions.Default.ShareActive,
                MbpsPerActiveUser = Number(r.GetValue(mbps), "--mbps-per-user", 1e-6, 10_000) ?? DemandAssumptions.Default.MbpsPerActiveUser,
            };
            if (r.GetValue(market) is { Length: > 0 } shares) demand = demand with { Split = DemandSplit.MarketShare, MarketShares = MarketShares(shares) };
            if (demand.SharesProblem() is { } why) throw Rejected("--market-share", why);
            var capacity = CapacityAssumptions.Default with
            {
                ExistingLoad = Number(r.GetValue(load), "--load", 0, 0.99) ?? CapacityAssumptions.Default.ExistingLoad,
                ReachKm = Number(r.GetValue(reach), "--reach-km", 0, 20) ?? CapacityAssumptions.Default.ReachKm,
            };
            var s = store.Open(r, ctx);
            var e = Find(StoreOption.Events(s), r.GetValue(id)!);
            var result = EventCapacityRun.Run(e, s.ReadSnapshot(), demand, capacity);
            ctx.OutText.WriteLine($"{e.Id}: {e.Name}{(result.Synthetic ? "   SYNTHETIC" : "")}");
            ctx.OutText.WriteLine($"demand {M(result.TotalDemandMbps)} Mbit/s for {e.ExpectedCrowd:N0} people; {result.Sectors.Count} serving sectors; deficit {M(result.DeficitMbps)} Mbit/s");
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "operator", "share", "demand, Mbit/s", "sectors", "capacity, Mbit/s", "deficit, Mbit/s", "extra carriers", "COWs", "COWs alone" }) t.AddColumn(h);
            foreach (var o in result.Operators)
                t.AddRow(Markup.Escape(o.OperatorId), o.DemandShare.ToString("0.###", CultureInfo.InvariantCulture), M(o.DemandMbps), o.Sectors.ToString(CultureInfo.InvariantCulture),
                    M(o.CapacityMbps), M(o.DeficitMbps), o.ExtraCarriers.ToString(CultureInfo.InvariantCulture), o.Cows.ToString(CultureInfo.InvariantCulture),
                    o.CowsAlone.ToString(CultureInfo.InvariantCulture));
            ctx.Out.Write(t);
            foreach (var a in result.Assumptions) ctx.OutText.WriteLine("assumption: " + a);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Disruption(StoreOption store, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "An event's id (dala events list)" };
        var weeks = new Option<string?>("--weeks") { Description = "Baseline: the same hours of this many weeks before (1..12, default 4)", HelpName = "N" };
        var alpha = new Option<string?>("--alpha") { Description = "Significance: the interval's level is 1 - alpha, Pettitt's p must be below it (default 0.05)", HelpName = "ALPHA" };
        var seed = new Option<string?>("--seed") { Description = "The bootstrap's seed (default 2026; the same seed gives the same interval)", HelpName = "N" };
        var output = new Option<string?>("--out") { Description = "Also write the evidence per operator as CSV", HelpName = "FILE.csv" };
        var cmd = new Command("disruption", "After an event: per operator, the median download drop against the same hours of earlier weeks with a bootstrap " +
                                            "interval, and Pettitt's change-point test on the tests in time order; flagged when both say so.") { id, weeks, alpha, seed, output };
        cmd.SetAction(r =>
        {
            var settings = DisruptionSettings.Default with
            {
                BaselineWeeks = (int)(Number(r.GetValue(weeks), "--weeks", 1, 12, whole: true) ?? 4),
                Alpha = Number(r.GetValue(alpha), "--alpha", 0.001, 0.2) ?? 0.05,
                Seed = (int)(Number(r.GetValue(seed), "--seed", int.MinValue, int.MaxValue, whole: true) ?? DisruptionSettings.Default.Seed),
            };
            var s = store.Open(r, ctx);
            var e = Find(StoreOption.Events(s), r.GetValue(id)!);
            var d = DisruptionDetector.Run(StoreOption.Measurements(s), e, settings);
            ctx.OutText.WriteLine($"{e.Id}: {e.Name}{(d.Synthetic ? "   SYNTHETIC" : "")}");
            ctx.OutText.WriteLine($"rule: {d.Rule}");
            if (d.Operators.Count == 0) ctx.OutText.WriteLine("no tests in the place in the event's windows");
            else
            {
                var t = new Table().Border(TableBorder.Simple);
                foreach (var h in new[] { "operator", "verdict", "tests (event / baseline)", "median, Mbit/s (event / baseline)", "drop, Mbit/s [[interval]]", "Pettitt p", "change at (UTC)" })
                    t.AddColumn(h);
                foreach (var o in d.Operators)
                    t.AddRow(Markup.Escape(o.OperatorId), o.Flagged ? "[bold]DISRUPTED[/]" : o.Verdict, $"{o.EventTests} / {o.BaselineTests}", $"{M(o.EventMedian)} / {M(o.BaselineMedian)}",
                        o.Drop is { } x ? $"{M(x.Drop)} [[{M(x.Low)}, {M(x.High)}]]" : "-", o.ChangeP?.ToString("G3", CultureInfo.InvariantCulture) ?? "-",
                        o.ChangeAt is { } at ? Stamp(at) : "-");
                ctx.Out.Write(t);
            }
            if (r.GetValue(output) is { } path)
            {
                using var w = new StreamWriter(ctx.FullPath(path));
                DisruptionCsv.Write(w, d);
                ctx.OutText.WriteLine($"wrote {path}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Demo(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("demo", $"SYNTHETIC demonstration: a concert for {AstanaArenaDemo.Crowd:N0} at Astana Arena last Saturday evening, three synthetic masts around it, " +
                                      "and synthetic tests before, during and in the same hours of the four weeks before, in which one operator slows down. All labelled synthetic.");
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var e = AstanaArenaDemo.Event(ctx.Clock.Now);
            AstanaArenaDemo.PlaceSites(s, ctx.Clock);
            var added = StoreOption.Events(s).Add(e, "cli:" + ctx.OsUser, ctx.Clock.Now);
            var path = Path.Combine(Path.GetTempPath(), $"dala-event-demo-{Guid.NewGuid():N}.csv");
            try
            {
                using (var w = new StreamWriter(path))
                {
                    var csv = new Geo.Io.CsvWriter(w);
                    csv.Row(Quality.Synthetic.SyntheticMeasurements.Header);
                    foreach (var row in AstanaArenaDemo.Rows(e)) csv.Row(row);
                }
                var intake = new MeasurementIntake(s, StoreOption.Measurements(s), ctx.Clock, Quality.Model.OperatorPrefixes.Empty);
                var result = intake.ImportFile(path, synthetic: true);
                ctx.OutText.WriteLine($"SYNTHETIC event {e.Id} ({Stamp(e.Start)}-{Stamp(e.End)} UTC){(added ? "" : " (already there)")}, 3 synthetic masts, " +
                                      $"{result.Stored:N0} synthetic tests in {s.Describe()}");
            }
            finally
            {
                File.Delete(path);
            }
            ctx.OutText.WriteLine($"next: dala events capacity {e.Id}; dala events disruption {e.Id}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Dictionary<string, double> MarketShares(string[] pairs)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var at = p.LastIndexOf('=');
            if (at <= 0) throw Rejected("--market-share", $"'{p}' is not OPERATOR=SHARE");
            if (!shares.TryAdd(p[..at].Trim(), Number(p[(at + 1)..], "--market-share", 0, 1)!.Value)) throw Rejected("--market-share", $"{p[..at]} given twice");
        }
        return shares;
    }

    private static string M(double? v) => v?.ToString("N1", CultureInfo.InvariantCulture) ?? "-";
}
