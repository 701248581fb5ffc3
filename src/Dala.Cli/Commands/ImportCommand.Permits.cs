using System.CommandLine;
using Dala.Permits.Import;

namespace Dala.Cli.Commands;

public static partial class ImportCommand
{
    private static IEnumerable<Command> Permits(StoreOption store, CliContext ctx) =>
    [
        Verb("permits",
            "Mast permit requests from CSV: request_id, operator, region (ISO 3166-2:KZ), opened, on_air (YYYY-MM-DD; empty: not yet); optional lon, lat, " +
            "site_id and land_allotted, power_connected, design_approved, permit_issued, built. A row replaces the request with its id.",
            store, ctx, (s, path, p, _) => new PermitImporter(StoreOption.Permits(s), ctx.Clock).Import(path, p)),
        Verb("sites-offered",
            "Sites regional administrations offer for base stations (public buildings) from CSV: site_id, region, name, lon, lat, offered, offered_by; " +
            "optional building, taken_by (a request id).",
            store, ctx, (s, path, p, _) => new OfferedSiteImporter(StoreOption.Permits(s), ctx.Clock).Import(path, p)),
    ];
}
