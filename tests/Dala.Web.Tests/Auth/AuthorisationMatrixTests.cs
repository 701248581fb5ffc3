using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dala.Platform.Accounts;
using Dala.Web.Auth;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dala.Web.Tests.Auth;

/// <summary>
/// The authorisation matrix of ARCHITECTURE.md is the truth: every endpoint of the app is in it (and nothing else), the
/// code's table says the same, and every endpoint called as every role (and with no credentials) gets exactly its answer.
/// </summary>
public sealed partial class AuthorisationMatrixTests(AuthApp app) : IClassFixture<AuthApp>
{
    private static readonly string[] Columns = ["anonymous", "public", "analyst", "inspector", "operator", "admin"];

    private sealed record Row(string Method, string Route, IReadOnlyList<string> Cells);

    private static IReadOnlyList<Row> Documented()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "ARCHITECTURE.md"));
        var start = text.IndexOf("<!-- access-matrix -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- /access-matrix -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "ARCHITECTURE.md has no access matrix");
        var rows = new List<Row>();
        foreach (var line in text[start..end].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (cells[0].StartsWith("---", StringComparison.Ordinal)) continue;
            Assert.Equal(2 + Columns.Length, cells.Length);
            rows.Add(new Row(cells[0], cells[1], cells[2..]));
        }
        return rows;
    }

    private IReadOnlyList<(string Method, string Route)> Endpoints() =>
        app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // The 405 answers for methods a route does not take do nothing: they are marked AllowAnonymous and pass the table.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, AccessTable.Normal(e.RoutePattern.RawText!))))
            .Distinct().ToArray();

    [Fact]
    public void Every_endpoint_is_in_the_matrix_and_the_code_table_says_the_same()
    {
        var documented = Documented();
        var endpoints = Endpoints();
        var missing = endpoints.Where(e => !documented.Any(r => r.Method == e.Method && r.Route == e.Route)).ToArray();
        Assert.True(missing.Length == 0, "not in the ARCHITECTURE.md matrix: " + string.Join(", ", missing));
        var stale = documented.Where(r => !endpoints.Contains((r.Method, r.Route))).ToArray();
        Assert.True(stale.Length == 0, "in the matrix but not an endpoint: " + string.Join(", ", stale.Select(r => $"{r.Method} {r.Route}")));
        Assert.Equal(documented.Count, AccessTable.Rules.Count);
        foreach (var row in documented)
        {
            var access = AccessTable.Find(row.Method, row.Route);
            Assert.True(access is not null, $"{row.Method} {row.Route} is not in AccessTable");
            for (var i = 0; i < Columns.Length; i++)
            {
                var principal = i == 0 ? null : new Principal("x", Roles.All[i - 1], null);
                var expected = row.Cells[i] switch { "yes" or "own" => 200, var c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) };
                Assert.True(expected == access!.StatusFor(principal), $"{row.Method} {row.Route} as {Columns[i]}: matrix {row.Cells[i]}, code {access.StatusFor(principal)}");
            }
            Assert.Equal(row.Cells[4] == "own", access!.OwnOperator);
        }
    }

    [Fact]
    public async Task Every_endpoint_as_every_role_gets_the_matrix_answer()
    {
        var failures = new List<string>();
        var clients = Columns.Select((_, i) => app.Client(i == 0 ? null : Roles.All[i - 1])).ToArray();
        foreach (var row in Documented())
        {
            if (row.Method == "CONNECT") continue; // HTTP/2 WebSocket bootstrap: the GET row of the same route is called
            foreach (var method in row.Method == "*" ? new[] { "GET", "POST" } : [row.Method])
                for (var i = 0; i < Columns.Length; i++)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), Url(row.Route));
                    if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("[]", Encoding.UTF8, "application/json");
                    using var response = await clients[i].SendAsync(request);
                    var got = (int)response.StatusCode;
                    var ok = row.Cells[i] switch
                    {
                        "yes" or "own" => got is not (401 or 403),
                        var c => got == int.Parse(c, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    if (!ok) failures.Add($"{method} {row.Route} as {Columns[i]}: expected {row.Cells[i]}, got {got}");
                }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_refusal_is_problem_json_401_with_a_bearer_challenge_or_403_naming_the_roles()
    {
        var anonymous = await app.Client().PostAsync("/api/plans", new StringContent("{}", Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.Is(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var forbidden = await ProblemAssert.Is(HttpStatusCode.Forbidden, await app.Client(Role.Public).DeleteAsync("/api/plans/1"));
        Assert.Equal("Role public may not do this; it needs analyst or admin.", forbidden.GetProperty("detail").GetString());
        var badKey = app.Client();
        badKey.DefaultRequestHeaders.Authorization = new("Bearer", "dala_not-a-key-of-this-server-at-all");
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await badKey.GetAsync("/api/dataset"));
    }

    /// <summary>The route with its parameters filled in (no key 999 exists: the admin's DELETE must not revoke a test key).</summary>
    private static string Url(string route) => Placeholder().Replace(route, m => m.Groups[1].Value switch
    {
        "id" when route.StartsWith("/api/keys/", StringComparison.Ordinal) => "999",
        "id" => "1",
        "documentName" => "v1",
        "**rest" => "no-such-thing",
        _ => "x",
    });

    [GeneratedRegex(@"\{([^}:]+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Dala.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("Dala.slnx");
    }
}
