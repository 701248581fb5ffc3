using System.Text.RegularExpressions;
using Dala.Platform.Accounts;

namespace Dala.Web.Auth;

/// <summary>
/// THE authorisation table: (method, route pattern) -> who may call it. Reads of published data are open to anyone;
/// every write needs a role; users, keys and the audit log are admin-only. An endpoint missing here is admin-only (and
/// the matrix test fails); ARCHITECTURE.md shows the same table and a test holds the app, this table and the page equal.
/// </summary>
public static partial class AccessTable
{
    private static readonly Role A = Role.Analyst, I = Role.Inspector, O = Role.Operator;

    public static readonly IReadOnlyList<(string Method, string Route, Access Access)> Rules =
    [
        ("GET", "/openapi/{documentName}.json", Access.Open),
        // The host's own: liveness, readiness, metrics (behind a reverse proxy, keep /metrics to the monitoring network).
        ("GET", "/healthz", Access.Open),
        ("GET", "/readyz", Access.Open),
        ("*", "/metrics", Access.Open),
        ("*", "/api/{**rest}", Access.Open),
        ("GET", "/ndt/v7/download", Access.Open),
        ("CONNECT", "/ndt/v7/download", Access.Open),
        ("GET", "/ndt/v7/upload", Access.Open),
        ("CONNECT", "/ndt/v7/upload", Access.Open),
        // Registry, progress, coverage, fibre: published.
        ("GET", "/api/dataset", Access.Open),
        ("GET", "/api/outline", Access.Open),
        ("GET", "/api/basemap", Access.Open),
        ("GET", "/basemap/tiles.pmtiles", Access.Open),
        ("GET", "/api/regions", Access.Open),
        ("GET", "/api/regions/at", Access.Open),
        ("GET", "/api/settlements", Access.Open),
        ("GET", "/api/settlements/nearest", Access.Open),
        ("GET", "/api/settlements/{id}", Access.Open),
        ("GET", "/api/operators", Access.Open),
        ("GET", "/api/progress", Access.Open),
        ("GET", "/api/sites", Access.Open),
        ("GET", "/api/coverage", Access.Open),
        ("POST", "/api/coverage/runs", Access.For(A)),
        // Imports through the web (a job each): analysts (and admins) post files and read the reports.
        ("POST", "/api/imports/{kind}", Access.For(A)),
        ("GET", "/api/imports/{id}", Access.For(A)),
        ("GET", "/api/coverage/settlements", Access.Open),
        ("GET", "/api/coverage/roads", Access.Open),
        ("GET", "/api/coverage/raster.png", Access.Open),
        ("GET", "/api/coverage/raster.tif", Access.Open),
        ("GET", "/api/radio/calibrations", Access.Open),
        ("GET", "/api/radio/calibrations/{id}", Access.Open),
        ("GET", "/api/radio/calibrations/{id}/residuals", Access.Open),
        ("GET", "/api/radio/calibrations/{id}/mismatches", Access.Open),
        ("GET", "/api/fibre/plan", Access.Open),
        ("GET", "/api/fibre/plan.geojson", Access.Open),
        ("GET", "/api/fibre/plan.csv", Access.Open),
        // Measurements: published (addresses only as /24 or /48); probes post with a key; the speed-test page's own
        // result is accepted only for a test the ndt7 server ran for the same client network (the session's uuid).
        ("GET", "/api/measurements", Access.Open),
        ("GET", "/api/tiles/{layer}/{z}/{x}/{y}.mvt", Access.Open),
        ("POST", "/api/measurements", Access.For(I)),
        ("POST", "/api/measurements/ndt7/{uuid}", Access.Open),
        ("GET", "/api/speedtest/whoami", Access.Open),
        ("GET", "/api/speedtest/results/{id}", Access.Open),
        ("GET", "/api/measurements/quarantine", Access.For(A, I)),
        ("GET", "/api/quality/summary", Access.Open),
        ("GET", "/api/quality/aggregates", Access.Open),
        ("GET", "/api/quality/histogram", Access.Open),
        ("GET", "/api/quality/tiles", Access.Open),
        ("GET", "/api/quality/rankings", Access.Open),
        ("GET", "/api/quality/trend", Access.Open),
        ("GET", "/api/quality/opendata/tiles", Access.Open),
        // The inspectorate: obligations and verdicts are published; cases and challenges are the inspectorate's and
        // the operator's own.
        ("GET", "/api/quality/obligations", Access.Open),
        ("POST", "/api/quality/obligations", Access.For(I)),
        ("GET", "/api/quality/obligations/{id}/history", Access.Open),
        ("GET", "/api/quality/verdicts", Access.Open),
        ("GET", "/api/quality/verdicts/evidence", Access.Open),
        ("GET", "/api/quality/sample-size", Access.Open),
        ("GET", "/api/quality/fines", Access.Open),
        ("GET", "/api/quality/cases", Access.For(A, I, O).OwnOperatorOnly()),
        ("POST", "/api/quality/cases", Access.For(I)),
        ("GET", "/api/quality/cases/{id}", Access.For(A, I, O).OwnOperatorOnly()),
        ("POST", "/api/quality/cases/{id}/steps", Access.For(I)),
        ("GET", "/api/quality/claims", Access.Open),
        ("POST", "/api/quality/claims", Access.For(I, O).OwnOperatorOnly()),
        ("GET", "/api/quality/challenges", Access.For(A, I, O).OwnOperatorOnly()),
        ("POST", "/api/quality/challenges", Access.For(I)),
        ("POST", "/api/quality/challenges/{id}/answer", Access.For(O).OwnOperatorOnly()),
        ("POST", "/api/quality/challenges/{id}/decision", Access.For(I)),
        // Rollout plans: published once saved; analysts make and delete them (a job each).
        ("GET", "/api/plans", Access.Open),
        ("POST", "/api/plans", Access.For(A)),
        ("GET", "/api/plans/costs", Access.Open),
        ("GET", "/api/plans/compare", Access.Open),
        ("GET", "/api/plans/{id}", Access.Open),
        ("GET", "/api/plans/{id}.geojson", Access.Open),
        ("GET", "/api/plans/{id}.csv", Access.Open),
        ("GET", "/api/plans/{id}/settlements/{settlementId}", Access.Open),
        ("DELETE", "/api/plans/{id}", Access.For(A)),
        ("GET", "/api/jobs", Access.For(A)),
        ("GET", "/api/jobs/{id}", Access.For(A)),
        ("DELETE", "/api/jobs/{id}", Access.For(A)),
        // Indicators and the report: published; analysts add reported values.
        ("GET", "/api/indicators", Access.Open),
        ("GET", "/api/indicators/{id}", Access.Open),
        ("POST", "/api/indicators", Access.For(A)),
        ("GET", "/report", Access.Open),
        // Mass events: published; analysts add them.
        ("GET", "/api/events", Access.Open),
        ("POST", "/api/events", Access.For(A)),
        ("GET", "/api/events/{id}", Access.Open),
        ("GET", "/api/events/{id}/capacity", Access.Open),
        ("GET", "/api/events/{id}/disruption", Access.Open),
        // Mast permits: the requests and their analytics are published; analysts file and edit them, an operator its own.
        ("GET", "/api/permits", Access.Open),
        ("POST", "/api/permits", Access.For(A, O).OwnOperatorOnly()),
        ("GET", "/api/permits/survival", Access.Open),
        ("GET", "/api/permits/stages", Access.Open),
        ("GET", "/api/permits/overdue", Access.Open),
        ("GET", "/api/permits/forecast", Access.Open),
        ("GET", "/api/permits/sites", Access.Open),
        // Signing in and out; who am I.
        ("POST", "/api/auth/login", Access.Open),
        ("POST", "/api/auth/logout", Access.Open),
        ("GET", "/api/auth/me", Access.Open),
        // Administration.
        ("GET", "/api/users", Access.For()),
        ("GET", "/api/keys", Access.For()),
        ("POST", "/api/keys", Access.For()),
        ("DELETE", "/api/keys/{id}", Access.For()),
        ("GET", "/api/audit", Access.For()),
    ];

    private static readonly Dictionary<(string, string), Access> ByKey =
        Rules.ToDictionary(r => (r.Method, Normal(r.Route)), r => r.Access);

    /// <summary>The rule of an endpoint (route constraints such as :long are ignored), or null when it has none.</summary>
    public static Access? Find(string method, string route)
    {
        var key = Normal(route);
        return ByKey.GetValueOrDefault((method.ToUpperInvariant(), key)) ?? ByKey.GetValueOrDefault(("*", key));
    }

    /// <summary>"/api/plans/{id:long}" -> "/api/plans/{id}"; a leading slash always.</summary>
    public static string Normal(string route) => "/" + Constraint().Replace(route, "}").TrimStart('/');

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
