using System.CommandLine;
using Dala.Quality.Intake;

namespace Dala.Cli.Commands;

public static partial class ImportCommand
{
    private static Command Measurements(StoreOption store, CliContext ctx)
    {
        var file = FileArgument("CSV or NDJSON (.ndjson/.jsonl) of tests; M-Lab NDT rows; Ookla tiles (quadkey, avg_d_kbps, ...)");
        var operators = OperatorsOption.Create();
        var cmd = new Command("measurements", "Measurements: every line is stored (valid or flagged invalid by the M-Lab rules) or quarantined with its reasons; " +
                                              "one transaction; a re-run stores nothing new.") { file, operators };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var intake = new MeasurementIntake(s, StoreOption.Measurements(s), ctx.Clock, OperatorsOption.Read(r, operators, ctx));
            var result = ProgressDisplay.Run(ctx, "import measurements", p => intake.ImportFile(ctx.FullPath(r.GetValue(file)!), p));
            return MeasurementOutput.Print(ctx, result, s.Describe());
        });
        return cmd;
    }
}
