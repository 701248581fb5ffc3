using System.CommandLine;
using System.Globalization;
using Dala.Web.Ndt7;

namespace Dala.Cli;

/// <summary>
/// --ndt7-capacity N, --ndt7-per-address N, --ndt7-idle-seconds S and --ndt7-tokens FILE for dala serve: how many speed
/// tests the ndt7 server runs at once and from one client address (one more is answered 503 with Retry-After), how long a
/// test may move no data before it is closed, and the shared-secret access tokens a test must carry as ?access_token=.
/// </summary>
public sealed class Ndt7Options
{
    public Option<int> Capacity { get; } = new("--ndt7-capacity")
    {
        Description = "Most ndt7 speed tests running at once; one more is turned away with 503 and Retry-After",
        HelpName = "N",
        DefaultValueFactory = _ => Ndt7Settings.Default.Capacity,
    };

    public Option<int> PerAddress { get; } = new("--ndt7-per-address")
    {
        Description = "Most ndt7 speed tests running at once from one client address (0: no limit); one more is turned away with 503",
        HelpName = "N",
        DefaultValueFactory = _ => Ndt7Settings.Default.MaxPerAddress,
    };

    public Option<double> IdleSeconds { get; } = new("--ndt7-idle-seconds")
    {
        Description = "Seconds an ndt7 test may move no data before it is closed as idle and frees its slot",
        HelpName = "S",
        DefaultValueFactory = _ => Ndt7Settings.Default.IdleTimeout.TotalSeconds,
    };

    public Option<string?> Tokens { get; } = new("--ndt7-tokens")
    {
        Description = "File of ndt7 access tokens, one per line: a test then needs ?access_token= with one of them (403 otherwise)",
        HelpName = "FILE",
    };

    /// <summary>Every option of this set, to add to a command.</summary>
    public IEnumerable<Option> All => [Capacity, PerAddress, IdleSeconds, Tokens];

    /// <summary>The ndt7 settings the options give; a CliException (exit code 1, a usage error like every bad option value)
    /// for a capacity below 1, a negative per-address limit, an idle time that is not a positive number of seconds up to
    /// the test's hard cap, or a token file that cannot be read or holds no token.</summary>
    public Ndt7Settings Read(ParseResult r, CliContext ctx)
    {
        var capacity = r.GetValue(Capacity);
        if (capacity < 1) throw new CliException($"--ndt7-capacity must be at least 1 (got {capacity})");
        var perAddress = r.GetValue(PerAddress);
        if (perAddress < 0) throw new CliException($"--ndt7-per-address must be 0 (no limit) or more (got {perAddress})");
        var idle = r.GetValue(IdleSeconds);
        var cap = Ndt7Settings.Default.HardCap.TotalSeconds;
        if (!(idle > 0 && idle <= cap))
            throw new CliException(string.Create(CultureInfo.InvariantCulture,
                $"--ndt7-idle-seconds must be more than 0 and at most {cap:0} (a test's hard cap) (got {idle})"));
        var settings = Ndt7Settings.Default with
        {
            Capacity = capacity, MaxPerAddress = perAddress, IdleTimeout = TimeSpan.FromSeconds(idle),
        };
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
