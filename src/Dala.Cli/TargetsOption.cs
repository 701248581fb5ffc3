using System.CommandLine;
using System.Text.Json;
using Dala.Registry.Progress;

namespace Dala.Cli;

/// <summary>--targets FILE.json: the national targets, replacing the defaults (90% broadband by end-2026, 100% at 100 Mbps by end-2027).</summary>
public static class TargetsOption
{
    public static Option<string?> Create() => new("--targets")
    {
        Description = "JSON file with the targets: [{\"id\",\"label\",\"metric\": fibre|broadband|mbps100,\"share\": 0..1,\"by\": \"YYYY-MM-DD\"}]",
        HelpName = "FILE",
    };

    public static IReadOnlyList<Target> Read(ParseResult r, Option<string?> option, CliContext ctx)
    {
        var path = r.GetValue(option);
        if (path is null) return Target.Defaults;
        try
        {
            var targets = JsonSerializer.Deserialize<Target[]>(File.ReadAllText(ctx.FullPath(path)), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                          ?? throw new CliException($"{path}: empty targets file");
            for (var i = 0; i < targets.Length; i++)
            {
                if (Problem(targets[i]) is { } problem) throw new CliException($"{path}: target {i + 1}{(targets[i]?.Id is { } id ? $" '{id}'" : "")}: {problem}");
            }
            return targets;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read targets from {path}: {e.Message}");
        }
    }

    private static string? Problem(Target? t) => t switch
    {
        null => "is null, expected an object",
        { Id: null or "" } => "has no id",
        { Label: null or "" } => "has no label",
        _ when !Target.Metrics.Contains(t.Metric) => $"metric '{t.Metric}' is not one of {string.Join(", ", Target.Metrics)}",
        { Share: < 0 or > 1 } => $"share {t.Share} is outside [0, 1]",
        _ when t.By == default => "has no date \"by\" (YYYY-MM-DD)",
        _ => null,
    };
}
