using Dala.Geo.Io;
using Dala.Registry.Progress;

namespace Dala.Registry.Export;

/// <summary>
/// The per-region progress table (with a national row) as CSV; for each target, two columns: the share it asks
/// (<c>target_ID_share</c>) and whether the row's settlements meet it today (<c>target_ID_met</c>). Population and its
/// shares are of the <c>population_known_settlements</c> whose population is known, empty when none is (not known, not 0).
/// </summary>
public static class ProgressExport
{
    public static void WriteCsv(TextWriter text, ProgressReport p)
    {
        var csv = new CsvWriter(text);
        var targets = p.Targets.Select(t => t.Target).ToArray();
        csv.Row([
            "region", "name", "settlements", "population", "population_known_settlements", "fibre_settlements", "fibre_share", "fibre_population_share",
            "broadband_settlements", "broadband_share", "mbps100_settlements", "mbps100_share", "mbps100_population_share",
            "no_record", "as_of", "scope", "synthetic",
            .. targets.SelectMany(t => new object?[] { $"target_{t.Id}_share", $"target_{t.Id}_met" }),
        ]);
        foreach (var r in p.Regions.Append(new RegionProgress("", "National", p.National)))
        {
            var f = r.Figures;
            csv.Row([
                r.Code, r.Name, f.Settlements, f.PopulationIsKnown ? f.Population : null, f.PopulationKnown, f.Fibre.Settlements, f.Fibre.Share, f.Fibre.PopulationShare,
                f.Broadband.Settlements, f.Broadband.Share, f.Mbps100.Settlements, f.Mbps100.Share, f.Mbps100.PopulationShare,
                f.Unknown, p.AsOf, p.Scope, p.Synthetic,
                .. targets.SelectMany(t => new object?[] { t.Share, TargetStatus.Meets(f.Metric(t.Metric).Share, t) }),
            ]);
        }
    }
}
