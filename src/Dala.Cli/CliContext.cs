using Dala.Geo;
using Spectre.Console;

namespace Dala.Cli;

/// <summary>Where a command writes and what it may read of its surroundings; tests build one on strings.</summary>
public sealed record CliContext(
    IAnsiConsole Out,
    IAnsiConsole Err,
    TextWriter OutText,
    TextWriter ErrText,
    string WorkingDirectory,
    Func<string, string?> Environment,
    IClock Clock,
    bool Interactive)
{
    /// <summary>Where a password given with --password-stdin is read from.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>The OS account running the command: the actor of its writes in the audit log.</summary>
    public string OsUser { get; init; } = System.Environment.UserName;

    public static CliContext FromConsole()
    {
        var output = Console.IsOutputRedirected ? Plain(Console.Out) : AnsiConsole.Console;
        var err = Console.IsErrorRedirected ? Plain(Console.Error) : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliContext(output, err, Console.Out, Console.Error, Directory.GetCurrentDirectory(),
            System.Environment.GetEnvironmentVariable, SystemClock.Instance,
            !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive) { In = Console.In };
    }

    /// <summary>A context writing plain text (no colours, no live progress) to the given writers.</summary>
    public static CliContext ForText(TextWriter output, TextWriter error, string workingDirectory, IClock clock,
        Func<string, string?>? environment = null)
    {
        return new CliContext(Plain(output), Plain(error), output, error, workingDirectory, environment ?? (_ => null), clock, false);
    }

    /// <summary>A console for a pipe or a file: no colours, no live display, lines never wrapped.</summary>
    public static IAnsiConsole Plain(TextWriter w)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(w), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PlainWidth;
        return console;
    }

    /// <summary>
    /// Line width when the output is not a terminal: so wide that no line wraps (a file or a pipe gets each line whole;
    /// only a terminal wraps, at its own width). Tables are as wide as their cells, never stretched to it.
    /// </summary>
    public const int PlainWidth = 1_000_000;

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
