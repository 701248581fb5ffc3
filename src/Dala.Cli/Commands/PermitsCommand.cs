using System.CommandLine;
using System.Globalization;
using Dala.Permits.Analytics;
using Dala.Permits.Model;
using Dala.Permits.Store;

namespace Dala.Cli.Commands;

/// <summary>
/// dala permits survival|stages|overdue|forecast|set — where mast permit requests wait: Kaplan-Meier curves of time to
/// on air, days per stage per region against the SLA, open requests past their SLA, a forecast on-air date for each open
/// request, and setting one stage's date. Requests are imported with dala import permits.
/// </summary>
public static partial class PermitsCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The day to look from (default today): stages passed later count as not yet; requests opened later are left out",
            HelpName = "YYYY-MM-DD",
            Recursive = true,
        };
        var sla = new Option<string[]>("--sla")
        {
            Description = $"Change a stage's SLA, e.g. --sla power_connected=45 (repeatable; stages: {string.Join(", ", PermitStages.Keys)})",
            HelpName = "STAGE=DAYS",
            AllowMultipleArgumentsPerToken = false,
        };
        var names = new Option<string[]>("--stage-name")
        {
            Description = "Rename a stage in the output, e.g. --stage-name land_allotted=\"Land (akimat)\" (repeatable)",
            HelpName = "STAGE=NAME",
            AllowMultipleArgumentsPerToken = false,
        };
        var cmd = new Command("permits", "Mast permit requests: where they wait, how long each stage takes per region, and when open requests will be on air.")
        {
            asOf,
            Survival(store, ctx, asOf),
            Stages(store, ctx, asOf, sla, names),
            Overdue(store, ctx, asOf, sla, names),
            Forecast(store, ctx, asOf),
            Set(store, ctx),
        };
        return cmd;
    }

    private static Option<string?> Out(string what) => new("--out") { Description = $"Also write {what} as CSV", HelpName = "FILE.csv" };

    private static DateOnly AsOf(ParseResult r, Option<string?> asOf, CliContext ctx) =>
        r.GetValue(asOf) is { } text ? Date(text, "--as-of") : DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime);

    internal static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new CliException($"{option}: '{text}' is not a date YYYY-MM-DD", ExitCodes.Rejected);

    /// <summary>The default stages with the SLAs (--sla STAGE=DAYS) and names (--stage-name STAGE=NAME) given.</summary>
    private static PermitStages StageSettings(ParseResult r, Option<string[]> sla, Option<string[]> names)
    {
        var stages = PermitStages.Default;
        foreach (var (key, value) in Pairs(r.GetValue(sla), "--sla", "STAGE=DAYS"))
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
                throw new CliException($"--sla: '{value}' is not a number of days from 1 to 3650", ExitCodes.Rejected);
            stages = stages.With(key, slaDays: days);
        }
        foreach (var (key, value) in Pairs(r.GetValue(names), "--stage-name", "STAGE=NAME"))
        {
            if (value.Trim().Length is 0 or > 100) throw new CliException($"--stage-name: a name is 1 to 100 characters", ExitCodes.Rejected);
            stages = stages.With(key, name: value.Trim());
        }
        return stages;
    }

    private static IEnumerable<(string Key, string Value)> Pairs(string[]? items, string option, string form)
    {
        foreach (var item in items ?? [])
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || !PermitStages.Keys.Contains(parts[0].Trim()))
                throw new CliException($"{option}: '{item}' is not {form} with STAGE one of {string.Join(", ", PermitStages.Keys)}", ExitCodes.Rejected);
            yield return (parts[0].Trim(), parts[1]);
        }
    }

    private static IReadOnlyList<PermitRequest> All(StoreOption store, ParseResult r, CliContext ctx) =>
        StoreOption.Permits(store.Open(r, ctx)).List(PermitFilter.All);

    /// <summary>Writes next to the target and moves it in at the end, so a failed run leaves no partial file.</summary>
    private static void WriteCsv(CliContext ctx, string? output, Action<TextWriter> write)
    {
        if (output is null) return;
        var path = ctx.FullPath(output);
        var temp = Path.Combine(Path.GetDirectoryName(path) ?? ctx.WorkingDirectory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var w = new StreamWriter(temp)) write(w);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); }
            catch (IOException) { }
            throw new CliException($"{output}: cannot write: {e.Message}", ExitCodes.Rejected);
        }
        ctx.OutText.WriteLine($"wrote {output}");
    }
}
