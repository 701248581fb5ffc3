using System.Security.Cryptography;
using System.Text;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

public sealed partial class ConnectivityImporter
{
    private sealed record Row(int Line, string? SettlementId, string? OsmId, string? Kato, Technology Technology,
        string? OperatorId, string? OperatorName, double? Down, double? Up, DateOnly AsOf, string Source, bool Synthetic);

    private Row? ReadRow(CsvHeader h, CsvRecord r, ImportTally tally, string fileName)
    {
        string? Get(string names) => CsvInput.Get(h, r, names);
        var techText = Get("technology");
        if (Technologies.Parse(techText) is not { } tech)
        {
            tally.Reject(r.Line, "technology", $"'{techText}' is not one of {Technologies.Names}");
            return null;
        }
        var asOf = Parse.Date(Get("as_of"), out var dateProblem);
        if (asOf is null) { tally.Reject(r.Line, "as_of", dateProblem!); return null; }
        var latest = DateOnly.FromDateTime(clock.Now.UtcDateTime.AddDays(1));
        if (asOf.Value > latest)
        {
            tally.Reject(r.Line, "as_of", $"{asOf:yyyy-MM-dd} is in the future (after {latest:yyyy-MM-dd}, today + 1 day)");
            return null;
        }
        if (asOf.Value < EarliestAsOf)
        {
            tally.Reject(r.Line, "as_of", $"{asOf:yyyy-MM-dd} is before {EarliestAsOf:yyyy-MM-dd}, the earliest date accepted");
            return null;
        }
        var down = Speed(Get("down_mbps"), "down_mbps", r.Line, tally, out var downOk);
        var up = Speed(Get("up_mbps"), "up_mbps", r.Line, tally, out var upOk);
        if (!downOk || !upOk) return null;
        var opName = Get("operator");
        if (!NameRules.Check(tally, r.Line, ("operator", opName))) return null;
        var opId = Get("operator_id") ?? (opName is null ? null : OperatorId(opName));
        if (opId is not null && !Parse.IsId(opId)) { tally.Reject(r.Line, "operator_id", $"'{Parse.Clip(opId)}' is not a valid id"); return null; }
        var synthetic = Get("synthetic") is { } s && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1");
        return new Row(r.Line, h.Has("settlement_id") ? Get("settlement_id") : null, Get("osm_id"), Get("kato"), tech,
            opId, opName, down, up, asOf.Value, Get("source") ?? "csv:" + fileName, synthetic);
    }

    private static double? Speed(string? text, string field, int line, ImportTally tally, out bool ok)
    {
        ok = true;
        if (text is null) return null;
        var v = Parse.Number(text, out var problem);
        if (v is null) { tally.Reject(line, field, problem!); ok = false; return null; }
        if (v < 0) { tally.Reject(line, field, $"{text} is negative"); ok = false; return null; }
        if (v > MaxPlausibleMbps) { tally.Reject(line, field, $"{text} Mbit/s is not plausible (more than {MaxPlausibleMbps:0} Mbit/s)"); ok = false; return null; }
        return v;
    }

    /// <summary>A readable id from an operator name: ASCII letters and digits joined by '-', or a short hash.</summary>
    public static string OperatorId(string name)
    {
        var b = new StringBuilder();
        foreach (var ch in name.Trim().ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') b.Append(ch);
            else if (b.Length > 0 && b[^1] != '-') b.Append('-');
        }
        var slug = b.ToString().Trim('-');
        return slug.Length >= 2 ? slug[..Math.Min(slug.Length, 48)]
            : "op-" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(name.Trim()))).ToLowerInvariant()[..10];
    }

    private static List<ConnectivityRecord> Resolve(List<Row> rows, RegistrySnapshot snapshot, ImportTally tally, out List<Operator> operators)
    {
        var byKato = snapshot.Settlements.Where(s => s.KatoCode is not null).GroupBy(s => s.KatoCode!).ToDictionary(g => g.Key, g => g.ToList());
        var ops = new Dictionary<string, Operator>();
        var records = new List<ConnectivityRecord>();
        var firstLine = new Dictionary<(string, string, Technology, DateOnly), int>();
        foreach (var row in rows)
        {
            string? id = row.SettlementId ?? (row.OsmId is { } osm ? "osm-" + osm : null);
            if (id is null && row.Kato is { } kato)
            {
                if (!byKato.TryGetValue(kato, out var matches)) { tally.Reject(row.Line, "kato", $"no settlement has KATO code {kato}"); continue; }
                if (matches.Count > 1) { tally.Reject(row.Line, "kato", $"{matches.Count} settlements share KATO code {kato}"); continue; }
                id = matches[0].Id;
            }
            if (id is null) { tally.Reject(row.Line, "settlement_id", "missing"); continue; }
            if (!snapshot.SettlementsById.ContainsKey(id)) { tally.Reject(row.Line, "settlement_id", $"unknown settlement '{Parse.Clip(id)}'"); continue; }
            var rec = new ConnectivityRecord(id, row.Technology, row.OperatorId, row.Down, row.Up, row.AsOf, row.Source, row.Synthetic);
            if (firstLine.TryGetValue(rec.Key, out var first)) { tally.Reject(row.Line, "row", $"duplicate record (first on line {first})"); continue; }
            firstLine[rec.Key] = row.Line;
            if (row.OperatorId is { } oid && !ops.ContainsKey(oid))
                ops[oid] = new Operator(oid, row.OperatorName ?? snapshot.OperatorsById.GetValueOrDefault(oid)?.Name ?? oid);
            records.Add(rec);
        }
        operators = ops.Values.ToList();
        return records;
    }
}
