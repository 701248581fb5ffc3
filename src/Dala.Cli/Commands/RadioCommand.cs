using System.CommandLine;
using System.Globalization;
using Dala.Radio.Itm;
using Dala.Radio.Itm.Reference;

namespace Dala.Cli.Commands;

/// <summary>dala radio itm — ITM (Longley-Rice) on case files in the NTIA reference layout.</summary>
public static partial class RadioCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var radio = new Command("radio", "Radio coverage: propagation models (ITM, Hata, COST-231), sites, coverage of settlements and roads.");
        radio.Add(Coverage(store, ctx));
        radio.Add(Calibrate(store, ctx));
        radio.Add(SyntheticTests(store, ctx));
        radio.Add(Itm(ctx));
        return radio;
    }

    private static Command Itm(CliContext ctx)
    {
        var p2p = new Option<string?>("--p2p") { Description = "Point-to-point cases (CSV: h_tx__meter,h_rx__meter,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation,mdvar[,A__db])", HelpName = "CASES.csv" };
        var profiles = new Option<string?>("--profiles") { Description = "Terrain profiles for --p2p, one per case in the ITM pfl layout (intervals, step m, elevations...)", HelpName = "PROFILES.csv" };
        var area = new Option<string?>("--area") { Description = "Area-mode cases (CSV: h_tx__meter,h_rx__meter,delta_h__meter,mdvar,d__km,tx_siting_criteria,rx_siting_criteria,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation[,A__db])", HelpName = "CASES.csv" };
        var cmd = new Command("itm", "Run ITM (Longley-Rice) on each case and print one line per case: the basic transmission loss in dB and " +
                                     "the propagation mode (ITM's line-of-sight means shorter than the smooth-earth horizon distance, not an unobstructed path).")
            { p2p, profiles, area };
        cmd.SetAction(r =>
        {
            var (p, pf, a) = (r.GetValue(p2p), r.GetValue(profiles), r.GetValue(area));
            if ((p is null) == (a is null)) throw new CliException("give either --p2p CASES.csv --profiles PROFILES.csv or --area CASES.csv");
            if (p is not null && pf is null) throw new CliException("--p2p needs --profiles PROFILES.csv");
            IReadOnlyList<IItmReferenceCase> cases;
            try
            {
                cases = p is not null
                    ? ItmReferenceCases.ReadP2P(ctx.FullPath(p), ctx.FullPath(pf!))
                    : ItmReferenceCases.ReadArea(ctx.FullPath(a!));
            }
            catch (ItmCsvFormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            catch (IOException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            var failed = 0;
            foreach (var c in cases)
            {
                var o = ItmCaseOutcome.Of(c);
                if (o.Result is { } res)
                {
                    var expected = c.ExpectedLossDb is { } x
                        ? string.Create(CultureInfo.InvariantCulture, $"  published {x:0.00} dB  difference {o.DifferenceDb:+0.000;-0.000;0.000} dB")
                        : "";
                    var warn = res.HasWarnings ? "  warnings: " + string.Join("; ", res.Warnings.Describe()) : "";
                    ctx.OutText.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"case {c.Number}: {res.BasicTransmissionLossDb:0.00} dB  mode {res.Mode}{expected}{warn}"));
                }
                else
                {
                    failed++;
                    ctx.OutText.WriteLine($"case {c.Number}: error {o.Error!.Error}: {o.Error.Reason} ({c.File}:{c.Line})");
                }
            }
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return cmd;
    }
}
