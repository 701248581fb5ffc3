using System.CommandLine;
using Dala.Web.Ndt7;

namespace Dala.Cli;

/// <summary>
/// --ndt7-capacity N and --ndt7-tokens FILE for dala serve: how many speed tests the ndt7 server runs at once (one
/// more is answered 503 with Retry-After), and the shared-secret access tokens a test must carry as ?access_token=.
/// </summary>
public sealed class Ndt7Options
{
    public Option<int> Capacity { get; } = new("--ndt7-capacity")
    {
        Description = "Most ndt7 speed tests running at once; one more is turned away with 503 and Retry-After",
        HelpName = "N",
        DefaultValueFactory = _ => Ndt7Settings.Default.Capacity,
    };

    public Option<string?> Tokens { get; } = new("--ndt7-tokens")
    {
        Description = "File of ndt7 access tokens, one per line: a test then needs ?access_token= with one of them (403 otherwise)",
        HelpName = "FILE",
    };

    /// <summary>The ndt7 settings the options give; a CliException (exit code 1) for a capacity below 1 or a token file that
    /// cannot be read or holds no token.</summary>
    public Ndt7Settings Read(ParseResult r, CliContext ctx)
    {
        var capacity = r.GetValue(Capacity);
        if (capacity < 1) throw new CliException($"--ndt7-capacity must be at least 1 (got {capacity})");
        var settings = Ndt7Settings.Default with { Capacity = capacity };
        return r.GetValue(Tokens) is { } path ? settings with { AccessTokens = ReadTokens(path, ctx) } : settings;
    }

    private static HashSet<string> ReadTokens(string path, CliContext ctx)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(ctx.FullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--ndt7-tokens {path}: {e.Message}");
        }
        var tokens = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (tokens.Count == 0) throw new CliException($"--ndt7-tokens {path}: no token in the file (one per line)");
        return tokens;
    }
}
