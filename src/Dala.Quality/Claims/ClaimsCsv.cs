using System.Globalization;
using Dala.Geo.Io;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Quality.Claims;

/// <summary>
/// Reads a claims file: CSV with the columns settlement (our id, an OpenStreetMap node id or a KATO code), operator (id or
/// name of a registry operator), technology (wire name: 4G, 5G, fibre, ...), claimed_down_mbps (&gt; 0), as_of (YYYY-MM-DD,
/// not in the future); optional synthetic (true/1). Every bad row is named (file:line, field, reason) in the tally; the
/// caller stores nothing when any row is rejected.
/// </summary>
public static class ClaimsCsv
{
    public static readonly string[] Columns = ["settlement", "operator", "technology", "claimed_down_mbps", "as_of"];
    public const double MaxPlausibleMbps = 100_000;

    public sealed record Result(IReadOnlyList<CoverageClaim> Claims, ImportTally Tally)
    {
        public bool Ok => Tally.Rejected.Count == 0;
    }

    public static Result ReadFile(string path, RegistrySnapshot registry, DateOnly today)
    {
        var name = Path.GetFileName(path);
        var tally = new ImportTally("claims", name);
        var file = InputFile.TryRead(path, tally);
        if (file is null) return new Result([], tally);
        using var text = file.OpenText();
        return Read(text, name, registry, today, tally);
    }

    public static Result Read(TextReader text, string fileName, RegistrySnapshot registry, DateOnly today, ImportTally? tally = null)
    {
        tally ??= new ImportTally("claims", fileName);
        var claims = new List<CoverageClaim>();
        var resolver = new SettlementResolver(registry);
        var firstLine = new Dictionary<(string, string, Technology, DateOnly), int>();
        CsvHeader? header = null;
        try
        {
            foreach (var rec in CsvReader.Read(text))
            {
                if (header is null)
                {
                    header = new CsvHeader(rec);
                    var missing = Columns.Where(c => !header.Has(c)).ToArray();
                    if (missing.Length > 0)
                    {
                        tally.Reject(rec.Line, "header", $"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                                                         $"(expected {string.Join(",", Columns)}; found {string.Join(",", header.Names)})");
                        break;
                    }
                    continue;
                }
                tally.Read++;
                if (rec.Fields.Count != header.Names.Count)
                {
                    tally.Reject(rec.Line, "row", $"expected {header.Names.Count} fields, found {rec.Fields.Count}");
                    continue;
                }
                if (Row(header, rec, resolver, registry, today, fileName, tally) is not { } claim) continue;
                if (firstLine.TryGetValue(claim.Key, out var first))
                {
                    tally.Reject(rec.Line, "row", $"duplicate claim (same settlement, operator, technology and as_of as line {first})");
                    continue;
                }
                firstLine[claim.Key] = rec.Line;
                claims.Add(claim);
            }
        }
        catch (CsvFormatException e)
        {
            tally.Reject(e.Line, "file", e.Message);
        }
        if (header is null) tally.Reject(1, "header", "the file is empty");
        return new Result(tally.Rejected.Count == 0 ? claims : [], tally);
    }

    private static CoverageClaim? Row(CsvHeader h, CsvRecord r, SettlementResolver resolver, RegistrySnapshot registry, DateOnly today,
        string fileName, ImportTally tally)
    {
        var before = tally.Rejected.Count;
        var settlement = resolver.Resolve(h.Get(r, "settlement"), out var settlementProblem);
        if (settlement is null) tally.Reject(r.Line, "settlement", settlementProblem!);
        var opText = h.Get(r, "operator");
        var op = Operator(opText, registry, out var opProblem);
        if (op is null) tally.Reject(r.Line, "operator", opProblem!);
        var techText = h.Get(r, "technology");
        var tech = Technologies.Parse(techText);
        if (tech is null or Technology.None)
            tally.Reject(r.Line, "technology", techText is null ? "missing" : $"'{Clip(techText)}' is not a technology one can claim ({string.Join(", ", Technologies.All.Where(t => t != Technology.None).Select(t => t.WireName()))})");
        var speed = Speed(h.Get(r, "claimed_down_mbps"), out var speedProblem);
        if (speed is null) tally.Reject(r.Line, "claimed_down_mbps", speedProblem!);
        var asOfText = h.Get(r, "as_of");
        DateOnly? asOf = null;
        if (asOfText is null) tally.Reject(r.Line, "as_of", "missing");
        else if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            tally.Reject(r.Line, "as_of", $"'{Clip(asOfText)}' is not a date (YYYY-MM-DD)");
        else if (d > today) tally.Reject(r.Line, "as_of", $"{d:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})");
        else asOf = d;
        var synText = h.Get(r, "synthetic");
        bool synthetic = false;
        if (synText is not null)
        {
            if (synText.ToLowerInvariant() is "true" or "1") synthetic = true;
            else if (synText.ToLowerInvariant() is not ("false" or "0")) tally.Reject(r.Line, "synthetic", $"'{Clip(synText)}' is not true, false, 1 or 0");
        }
        if (tally.Rejected.Count > before) return null;
        return new CoverageClaim(0, settlement!.Id, op!, tech!.Value, speed!.Value, asOf!.Value, fileName, synthetic);
    }

    private static string? Operator(string? text, RegistrySnapshot registry, out string? problem)
    {
        problem = null;
        if (text is null) { problem = "missing"; return null; }
        if (registry.OperatorsById.ContainsKey(text)) return text;
        var byName = registry.Operators.Where(o => string.Equals(o.Name, text, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (byName.Length == 1) return byName[0].Id;
        problem = registry.Operators.Count == 0
            ? $"unknown operator '{Clip(text)}': the registry has no operators (import connectivity first)"
            : $"unknown operator '{Clip(text)}' (known ids: {string.Join(", ", registry.Operators.Select(o => o.Id).Take(12))}{(registry.Operators.Count > 12 ? ", ..." : "")})";
        return null;
    }

    private static double? Speed(string? text, out string? problem)
    {
        problem = null;
        if (text is null) { problem = "missing"; return null; }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            problem = $"'{Clip(text)}' is not a number";
            return null;
        }
        if (v <= 0) { problem = $"{text} is not a speed (must be > 0 Mbit/s)"; return null; }
        if (v > MaxPlausibleMbps) { problem = $"{text} Mbit/s is not plausible (more than {MaxPlausibleMbps:0} Mbit/s)"; return null; }
        return v;
    }

    internal static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>Our id, "osm-" + an OpenStreetMap node id, or a KATO code shared by exactly one settlement.</summary>
    private sealed class SettlementResolver(RegistrySnapshot registry)
    {
        private readonly Lazy<Dictionary<string, List<Settlement>>> _byKato = new(() => registry.Settlements.Where(s => s.KatoCode is not null)
            .GroupBy(s => s.KatoCode!).ToDictionary(g => g.Key, g => g.ToList()));

        public Settlement? Resolve(string? text, out string? problem)
        {
            problem = null;
            if (text is null) { problem = "missing"; return null; }
            if (registry.SettlementsById.TryGetValue(text, out var s)) return s;
            if (text.All(char.IsAsciiDigit))
            {
                if (registry.SettlementsById.TryGetValue("osm-" + text, out var osm)) return osm;
                if (_byKato.Value.TryGetValue(text, out var matches))
                {
                    if (matches.Count == 1) return matches[0];
                    problem = $"{matches.Count} settlements share KATO code {text}";
                    return null;
                }
            }
            problem = $"unknown settlement '{Clip(text)}' (not an id, OpenStreetMap node id or KATO code in the registry)";
            return null;
        }
    }
}
