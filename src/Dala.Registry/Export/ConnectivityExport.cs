using Dala.Geo.Io;
using Dala.Registry.Store;

namespace Dala.Registry.Export;

/// <summary>The connectivity history as CSV, in the layout `dala import connectivity` reads back.</summary>
public static class ConnectivityExport
{
    public static void WriteCsv(TextWriter text, RegistrySnapshot snap)
    {
        var csv = new CsvWriter(text);
        csv.Row("settlement_id", "technology", "operator_id", "operator", "down_mbps", "up_mbps", "as_of", "source", "synthetic");
        foreach (var c in snap.Connectivity)
        {
            csv.Row(c.SettlementId, Model.Technologies.WireName(c.Technology), c.OperatorId,
                c.OperatorId is null ? null : snap.OperatorsById.GetValueOrDefault(c.OperatorId)?.Name,
                c.DownMbps, c.UpMbps, c.AsOf, c.Source, c.Synthetic);
        }
    }
}
