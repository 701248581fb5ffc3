using System.Net;
using System.Text;
using System.Text.Json;
using Dala.Platform.Accounts;

namespace Dala.Web.Tests;

/// <summary>Imports through the web as jobs: an analyst posts a file, the job imports it in one transaction, the report
/// names every rejected row by file:line, field and reason and then nothing is stored; the public cannot post.</summary>
[Collection(PlanAppCollection.Name)]
public sealed class ImportJobTests(PlanApp app)
{
    [Fact]
    public async Task A_connectivity_file_with_a_bad_row_stores_nothing_and_the_report_names_the_row_then_the_good_file_is_stored()
    {
        using var analyst = app.ClientAs(Role.Analyst);
        var ids = (await app.Json("/api/settlements?pageSize=2")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        var revision = (await app.Json("/api/dataset")).GetProperty("revision").GetInt64();
        var bad = $"settlement_id,technology,as_of,source\n{ids[0]},fibre,2025-06-01,akimat survey\n{ids[1]},pigeon,2025-06-01,akimat survey\n";
        var report = await Import(analyst, "connectivity", bad, "text/csv", "almaty-2025.csv");
        Assert.False(report.GetProperty("committed").GetBoolean());
        var rejected = Assert.Single(report.GetProperty("rejected").EnumerateArray());
        Assert.Equal(("almaty-2025.csv", 3, "technology"), (rejected.GetProperty("file").GetString(), rejected.GetProperty("line").GetInt32(), rejected.GetProperty("field").GetString()));
        Assert.Contains("pigeon", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(revision, (await app.Json("/api/dataset")).GetProperty("revision").GetInt64());

        var good = bad.Replace("pigeon", "4G", StringComparison.Ordinal);
        report = await Import(analyst, "connectivity", good, "text/csv", "almaty-2025.csv");
        Assert.True(report.GetProperty("committed").GetBoolean(), report.ToString());
        Assert.Equal((2, 2), (report.GetProperty("read").GetInt32(), report.GetProperty("stored").GetInt32()));
        Assert.True((await app.Json("/api/dataset")).GetProperty("revision").GetInt64() > revision);
        var settlement = await app.Json($"/api/settlements/{ids[1]}");
        Assert.Contains("4G", settlement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_named_and_the_public_cannot_import()
    {
        using var analyst = app.ClientAs(Role.Analyst);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await analyst.PostAsync("/api/imports/kato", Csv("a,b\n")));
        var badName = await ProblemAssert.Is(HttpStatusCode.BadRequest, await analyst.PostAsync("/api/imports/connectivity?file=../../etc/passwd", Csv("a\n")));
        Assert.True(badName.GetProperty("errors").TryGetProperty("file", out _));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await analyst.PostAsync("/api/imports/connectivity", Csv("")));
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType,
            await analyst.PostAsync("/api/imports/connectivity", new StringContent("x", Encoding.UTF8, "text/plain")));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await analyst.GetAsync("/api/imports/nosuchjob"));
        using var anonymous = app.Anonymous();
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.PostAsync("/api/imports/connectivity", Csv("settlement_id,technology,as_of\n")));
        using var inspector = app.ClientAs(Role.Inspector);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await inspector.PostAsync("/api/imports/connectivity", Csv("settlement_id,technology,as_of\n")));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<JsonElement> Import(HttpClient client, string kind, string body, string mediaType, string file)
    {
        var post = await client.PostAsync($"/api/imports/{kind}?file={file}", new StringContent(body, Encoding.UTF8, mediaType));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var job = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString();
        await app.WaitForJob($"/api/jobs/{job}");
        using var done = await client.GetAsync($"/api/imports/{job}");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return JsonDocument.Parse(await done.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
