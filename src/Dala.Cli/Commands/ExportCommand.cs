using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dala.Registry.Export;
using Dala.Registry.Model;
using Dala.Registry.Progress;
using Dala.Registry.Query;

namespace Dala.Cli.Commands;

/// <summary>dala export settlements|regions|progress|connectivity — CSV or GeoJSON to a file or stdout.</summary>
public static partial class ExportCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("export", "Export a view of the store as CSV or GeoJSON (synthetic data stays labelled).");
        cmd.Add(Settlements(store, ctx));
        cmd.Add(Simple("regions", "Regions: codes, names, counts (csv) or polygons (geojson).", ["csv", "geojson"], store, ctx,
            (view, fmt, text, json) => { if (fmt == "csv") RegionExport.WriteCsv(text!, view.Snapshot); else RegionExport.WriteGeoJson(json!, view.Snapshot); }));
        cmd.Add(Simple("connectivity", "The whole connectivity history, in the layout `dala import connectivity` reads.", ["csv"], store, ctx,
            (view, _, text, _) => ConnectivityExport.WriteCsv(text!, view.Snapshot)));
        cmd.Add(Progress(store, ctx));
        return cmd;
    }

    private static Option<string> Format(params string[] allowed)
    {
        var o = new Option<string>("--format") { Description = string.Join(" or ", allowed), DefaultValueFactory = _ => allowed[0] };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }

    private static Option<string?> Out() => new("--out", "-o") { Description = "Write to this file instead of standard output (- is standard output)", HelpName = "FILE" };

    private delegate void Writer(RegistryView view, string format, TextWriter? text, Utf8JsonWriter? json);

    private static Command Simple(string name, string description, string[] formats, StoreOption store, CliContext ctx, Writer write)
    {
        var format = Format(formats);
        var output = Out();
        var cmd = new Command(name, description) { format, output };
        cmd.SetAction(r =>
        {
            var (view, from) = View(store, r, ctx);
            return Emit(ctx, r.GetValue(output), r.GetValue(format)!, from, (t, j) => write(view, r.GetValue(format)!, t, j));
        });
        return cmd;
    }

    private static Command Progress(StoreOption store, CliContext ctx)
    {
        var scope = new Option<string>("--scope") { Description = "rural or all", DefaultValueFactory = _ => "rural" };
        scope.AcceptOnlyFromAmong([.. ProgressCalculator.Scopes]);
        var targets = TargetsOption.Create();
        var output = Out();
        var cmd = new Command("progress", "Progress per region and national (csv).") { scope, targets, output };
        cmd.SetAction(r =>
        {
            var (view, from) = View(store, r, ctx);
            return Emit(ctx, r.GetValue(output), "csv", from, (t, _) =>
                ProgressExport.WriteCsv(t!, ProgressCalculator.Compute(view, r.GetValue(scope)!, null, TargetsOption.Read(r, targets, ctx))));
        });
        return cmd;
    }

    /// <summary>The store's view, and which store it is and how it was chosen (said with every export).</summary>
    private static (RegistryView View, string From) View(StoreOption store, ParseResult r, CliContext ctx)
    {
        var s = store.Open(r, ctx);
        return (new RegistryView(s.ReadSnapshot(), DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime)), $"{s.Describe()} ({store.Origin(r, ctx)})");
    }

    /// <summary>
    /// Writes the export to the file (or standard output) and says on standard error which store it came from, so
    /// that exporting the default store when another was meant does not pass unnoticed.
    /// </summary>
    private static int Emit(CliContext ctx, string? outPath, string format, string from, Action<TextWriter?, Utf8JsonWriter?> write)
    {
        using var buffer = new MemoryStream();
        if (format == "geojson")
        {
            using var json = new Utf8JsonWriter(buffer, Dala.Geo.Io.JsonOutput.Writer);
            write(null, json);
        }
        else
        {
            using var text = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
            write(text, null);
        }
        if (outPath is null or "-")
        {
            ctx.OutText.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            ctx.OutText.Flush();
            ctx.Err.WriteLine($"exported from {from}");
            return ExitCodes.Ok;
        }
        var full = ctx.FullPath(outPath);
        try { File.WriteAllBytes(full, buffer.ToArray()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"cannot write {full}: {e.Message}"); }
        ctx.Err.WriteLine($"wrote {full} ({buffer.Length:N0} bytes) from {from}");
        return ExitCodes.Ok;
    }
}
