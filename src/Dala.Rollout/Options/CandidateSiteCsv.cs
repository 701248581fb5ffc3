using System.Globalization;
using Dala.Geo;
using Dala.Geo.Io;

namespace Dala.Rollout.Options;

/// <summary>One rejected row of a candidate-site file: file, line, field and reason.</summary>
public sealed record CandidateProblem(string File, int Line, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}

/// <summary>A candidate-site file that cannot be used; every problem is named.</summary>
public sealed class CandidateSiteException(IReadOnlyList<CandidateProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Take(50)))
{
    public IReadOnlyList<CandidateProblem> Problems { get; } = problems;
}

/// <summary>
/// Candidate sites for new masts, e.g. public buildings a regional administration offers: CSV with
/// <c>id,lon,lat</c> and optionally <c>name,mast_m</c> (default 40), <c>capex_tenge</c> (default: the cost book's new
/// site), <c>source</c>, <c>synthetic</c> (true/false). The whole file is read first; any bad row rejects it.
/// </summary>
public static class CandidateSiteCsv
{
    public static IReadOnlyList<CandidateSite> ReadFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CandidateSiteException([new CandidateProblem(path, 0, "(file)", e.Message)]);
        }
    }

    public static IReadOnlyList<CandidateSite> Read(TextReader text, string file)
    {
        var problems = new List<CandidateProblem>();
        var sites = new List<CandidateSite>();
        try
        {
            using var rows = CsvReader.Read(text).GetEnumerator();
            if (!rows.MoveNext()) throw new CandidateSiteException([new CandidateProblem(file, 1, "(header)", "the file is empty: expected a header id,lon,lat")]);
            var header = new CsvHeader(rows.Current);
            foreach (var required in new[] { "id", "lon", "lat" })
                if (!header.Has(required)) problems.Add(new CandidateProblem(file, 1, required, "missing column (the header needs id,lon,lat)"));
            if (problems.Count > 0) throw new CandidateSiteException(problems);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (rows.MoveNext())
                if (Row(file, header, rows.Current, seen, problems) is { } site) sites.Add(site);
        }
        catch (CsvFormatException e)
        {
            problems.Add(new CandidateProblem(file, e.Line, "(csv)", e.Message));
        }
        if (problems.Count > 0) throw new CandidateSiteException(problems);
        return sites;
    }

    private static CandidateSite? Row(string file, CsvHeader h, CsvRecord row, Dictionary<string, int> seen, List<CandidateProblem> problems)
    {
        var before = problems.Count;
        void Bad(string field, string reason) => problems.Add(new CandidateProblem(file, row.Line, field, reason));
        var id = h.Get(row, "id")?.Trim();
        if (string.IsNullOrEmpty(id)) Bad("id", "empty");
        else if (seen.TryGetValue(id, out var first)) Bad("id", $"duplicate id '{id}' (first on line {first})");
        else seen[id] = row.Line;
        var lon = Number(h.Get(row, "lon"), -180, 180, "lon", Bad);
        var lat = Number(h.Get(row, "lat"), -90, 90, "lat", Bad);
        var mast = h.Has("mast_m") && !string.IsNullOrWhiteSpace(h.Get(row, "mast_m")) ? Number(h.Get(row, "mast_m"), 1, 300, "mast_m", Bad) : 40;
        double? capex = h.Has("capex_tenge") && !string.IsNullOrWhiteSpace(h.Get(row, "capex_tenge")) ? Number(h.Get(row, "capex_tenge"), 0, 1e12, "capex_tenge", Bad) : null;
        var synthetic = false;
        if (h.Get(row, "synthetic") is { Length: > 0 } syn && !bool.TryParse(syn.Trim(), out synthetic)) Bad("synthetic", $"'{syn}' is not true or false");
        if (problems.Count > before) return null;
        var source = h.Get(row, "source") is { Length: > 0 } s ? s.Trim() : "candidate file " + Path.GetFileName(file);
        var name = h.Get(row, "name") is { Length: > 0 } n ? n.Trim() : null;
        return new CandidateSite(id!, name, new LonLat(lon, lat), mast, capex, source, synthetic);
    }

    private static double Number(string? text, double min, double max, string field, Action<string, string> bad)
    {
        if (string.IsNullOrWhiteSpace(text)) { bad(field, "empty"); return 0; }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) { bad(field, $"'{text}' is not a number"); return 0; }
        if (v < min || v > max) { bad(field, $"{v.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}"); return 0; }
        return v;
    }
}
