using System.CommandLine;
using Dala.Quality.Model;

namespace Dala.Cli;

/// <summary>--operators FILE.csv: which operator a client address belongs to (prefix,operator_id[,operator_name]).</summary>
public static class OperatorsOption
{
    public static Option<string?> Create() => new("--operators")
    {
        Description = "CSV of address prefixes naming operators (prefix,operator_id[,operator_name]), e.g. 2.132.0.0/14,kazakhtelecom",
        HelpName = "FILE",
    };

    public static OperatorPrefixes Read(ParseResult r, Option<string?> option, CliContext ctx)
    {
        if (r.GetValue(option) is not { } path) return OperatorPrefixes.Empty;
        try
        {
            return OperatorPrefixes.Load(ctx.FullPath(path));
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            throw new CliException($"--operators {path}: {e.Message}", ExitCodes.Rejected);
        }
    }
}
