using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>Runs the dala CLI in-process in a working folder, capturing exit code and output.</summary>
public sealed record CliRun(int Exit, string Out, string Err)
{
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public static CliRun In(string workingDirectory, params string[] args) => WithInput(workingDirectory, "", args);

    /// <summary>Runs with the given text on stdin, as OS user "tester".</summary>
    public static CliRun WithInput(string workingDirectory, string stdin, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = CliContext.ForText(o, e, workingDirectory, Clock, name => name == "DALA_NODE_MODULES" ? NodeModules : null)
            with { In = new StringReader(stdin), OsUser = "tester" };
        var exit = DalaCli.RunAsync(args, ctx).GetAwaiter().GetResult();
        return new CliRun(exit, o.ToString(), e.ToString());
    }

    public static string NodeModules { get; } = FindNodeModules();

    private static string FindNodeModules()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "web", "node_modules");
            if (Directory.Exists(p)) return p;
        }
        throw new DirectoryNotFoundException("web/node_modules not found: run npm ci in web/");
    }
}
