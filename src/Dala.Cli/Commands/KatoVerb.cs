using System.CommandLine;

namespace Dala.Cli.Commands;

/// <summary>dala import kato FILE.csv (wired once the KATO importer lands).</summary>
public static class KatoVerb
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        _ = store;
        _ = ctx;
        return new Command("kato", "The official KATO classifier (id;parent_id;code;name, semicolons, UTF-8 BOM): matched to settlements by region and name.");
    }
}
