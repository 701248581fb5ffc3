using System.CommandLine;

namespace Dala.Cli.Commands;

public static partial class PlanCommand
{
    private static Command Giga(CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return new Command("giga", "UNICEF Giga's cost-model case: reproduce Giga's choice, or Dala's optimum on the same formulas.");
    }
}
