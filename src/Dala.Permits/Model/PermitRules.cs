using Dala.Registry.Import;
using Dala.Registry.Model;

namespace Dala.Permits.Model;

/// <summary>
/// What a permit request (or an offered site) may hold, the one check the CSV import, the API and the CLI share: ids of
/// letters, digits and . _ : - ; a region that is an ISO 3166-2:KZ code; a point in or near Kazakhstan (both or neither);
/// stage dates not before the request was opened, in stage order, and not after tomorrow (a file from another time zone).
/// </summary>
public static class PermitRules
{
    /// <summary>The earliest date accepted: Kazakhstan's independence.</summary>
    public static readonly DateOnly Earliest = new(1991, 1, 1);

    /// <summary>A box around Kazakhstan (its extent is about 46.5-87.4 E, 40.6-55.4 N) with a margin.</summary>
    public const double MinLon = 45, MaxLon = 89, MinLat = 39.5, MaxLat = 56.5;

    /// <summary>Every problem of the request as (field, reason), in field order; empty when it can be stored.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(PermitRequest r, DateOnly today)
    {
        var list = new List<(string, string)>();
        if (!Parse.IsId(r.RequestId)) list.Add(("request_id", $"'{Parse.Clip(r.RequestId)}' is not an id (1-64 letters, digits, . _ : -)"));
        if (NameProblem(r.Operator) is { } op) list.Add(("operator", op));
        if (RegionProblem(r.Region) is { } region) list.Add(("region", region));
        list.AddRange(PointProblems(r.Lon, r.Lat));
        if (r.SiteId is { } site && !Parse.IsId(site)) list.Add(("site_id", $"'{Parse.Clip(site)}' is not an id (1-64 letters, digits, . _ : -)"));
        var latest = today.AddDays(1);
        if (DateProblem(r.Opened, latest) is { } opened) list.Add(("opened", opened));
        (string Key, DateOnly Date)? before = null;
        foreach (var key in PermitStages.Keys)
        {
            if (r.DateOf(key) is not { } d) continue;
            if (DateProblem(d, latest) is { } p) list.Add((key, p));
            else if (d < r.Opened) list.Add((key, $"{d:yyyy-MM-dd} is before opened ({r.Opened:yyyy-MM-dd})"));
            else if (before is { } b && d < b.Date) list.Add((key, $"{d:yyyy-MM-dd} is before {b.Key} ({b.Date:yyyy-MM-dd}): stages are passed in order"));
            before = (key, d);
        }
        return list;
    }

    /// <summary>Every problem of an offered site as (field, reason).</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(OfferedSite s, DateOnly today)
    {
        var list = new List<(string, string)>();
        if (!Parse.IsId(s.SiteId)) list.Add(("site_id", $"'{Parse.Clip(s.SiteId)}' is not an id (1-64 letters, digits, . _ : -)"));
        if (RegionProblem(s.Region) is { } region) list.Add(("region", region));
        if (NameProblem(s.Name) is { } name) list.Add(("name", name));
        list.AddRange(PointProblems(s.Lon, s.Lat));
        if (DateProblem(s.Offered, today.AddDays(1)) is { } offered) list.Add(("offered", offered));
        if (NameProblem(s.OfferedBy) is { } by) list.Add(("offered_by", by));
        if (s.Building is { } building && NameProblem(building) is { } b) list.Add(("building", b));
        if (s.TakenBy is { } taken && !Parse.IsId(taken)) list.Add(("taken_by", $"'{Parse.Clip(taken)}' is not a request id"));
        return list;
    }

    public static string? RegionProblem(string region) => KazakhstanRegions.FindByCode(region) is null
        ? $"'{Parse.Clip(region)}' is not an ISO 3166-2:KZ region code (KZ-10 ... KZ-79)"
        : null;

    private static string? NameProblem(string name) => name.Trim().Length == 0 ? "empty" : NameRules.Problem(name);

    private static string? DateProblem(DateOnly d, DateOnly latest) =>
        d > latest ? $"{d:yyyy-MM-dd} is in the future (after {latest:yyyy-MM-dd})"
        : d < Earliest ? $"{d:yyyy-MM-dd} is before {Earliest:yyyy-MM-dd}"
        : null;

    private static IEnumerable<(string, string)> PointProblems(double? lon, double? lat)
    {
        if (lon is null != lat is null) { yield return (lon is null ? "lon" : "lat", "lon and lat go together: give both or neither"); yield break; }
        if (lon is { } x && x is < MinLon or > MaxLon) yield return ("lon", $"{x:0.#####} is outside Kazakhstan ({MinLon}-{MaxLon})");
        if (lat is { } y && y is < MinLat or > MaxLat) yield return ("lat", $"{y:0.#####} is outside Kazakhstan ({MinLat}-{MaxLat})");
    }
}
