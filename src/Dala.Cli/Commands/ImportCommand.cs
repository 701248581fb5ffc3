using System.CommandLine;
using Dala.Registry.Import;
using Dala.Registry.Store;

namespace Dala.Cli.Commands;

/// <summary>dala import regions|settlements|kato|connectivity FILE</summary>
public static partial class ImportCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var import = new Command("import", "Import a file into the store: one transaction, idempotent, every rejected row named.");
        var repair = new Option<bool>("--repair-polygons")
        {
            Description = "Repair polygons that are not valid (self-crossing, ...) with NetTopologySuite's GeometryFixer instead of rejecting them; the report says how many",
        };
        import.Add(Verb("regions", "Region polygons from GeoJSON (Polygon/MultiPolygon features, names in several languages).",
            store, ctx, (s, path, p, r) => new RegionImporter(s, ctx.Clock) { RepairPolygons = r.GetValue(repair) }.Import(path, p), repair));
        import.Add(Verb("settlements",
            "Settlements from the HOT/OSM populated-places GeoJSON export (clipped to the region polygons) or CSV with lon/lat.",
            store, ctx, (s, path, p, _) => new SettlementImporter(s, ctx.Clock).Import(path, p)));
        import.Add(KatoVerb.Build(store, ctx));
        import.Add(Verb("sites",
            "Radio sites from our site CSV (site_id, lon, lat, mast_m, sector_id, azimuth_deg, tilt_deg, frequency_mhz, bandwidth_mhz, " +
            "eirp_dbm, technology; optional name, ground_m, operator, pattern) or the OpenCelliD cell CSV (radio, mcc, net, area, cell, lon, lat, ...).",
            store, ctx, (s, path, p, _) => new SiteImporter(s, ctx.Clock).Import(path, p)));
        import.Add(Measurements(store, ctx));
        import.Add(IndicatorsImport.Build(store, ctx));
        import.Add(Verb("connectivity",
            "Connectivity records from CSV: settlement_id (or osm_id or kato), technology, as_of, operator, down_mbps, up_mbps, source.",
            store, ctx, (s, path, p, _) => new ConnectivityImporter(s, ctx.Clock).Import(path, p)));
        foreach (var verb in Permits(store, ctx)) import.Add(verb);
        return import;
    }

    internal static Argument<string> FileArgument(string description) => new("FILE") { Description = description };

    private static Command Verb(string name, string description, StoreOption store, CliContext ctx,
        Func<IRegistryStore, string, IProgress<ImportProgress>?, ParseResult, ImportReport> run, params Option[] options)
    {
        var file = FileArgument("The file to import");
        var cmd = new Command(name, description) { file };
        foreach (var o in options) cmd.Add(o);
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var path = ctx.FullPath(r.GetValue(file)!);
            var report = ProgressDisplay.Run(ctx, $"import {name}", p => run(s, path, p, r));
            return ReportOutput.Print(ctx, report, s.Describe());
        });
        return cmd;
    }
}
