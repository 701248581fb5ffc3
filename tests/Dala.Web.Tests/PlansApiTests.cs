using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dala.Rollout.Export;

namespace Dala.Web.Tests;

/// <summary>Rollout plans through the API: queued as jobs, saved, read, exported, compared and deleted.</summary>
[Collection(PlanAppCollection.Name)]
public sealed class PlansApiTests(PlanApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_regional_plan_is_queued_run_saved_and_served()
    {
        var watch = Stopwatch.StartNew();
        var post = await app.PostPlan(new { name = "Ұлытау 2027", region = PlanApp.Region });
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var accepted = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement;
        var href = accepted.GetProperty("href").GetString()!;
        Assert.Equal(href, post.Headers.Location!.ToString());
        Assert.Equal($"/api/jobs/{accepted.GetProperty("jobId").GetString()}", href);
        Assert.Contains(accepted.GetProperty("status").GetString(), new[] { "queued", "running" });
        var job = await app.WaitForJob(href);
        output.WriteLine($"regional plan ({PlanApp.Region}) job: {watch.Elapsed.TotalSeconds:0.0} s from POST to succeeded");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("progress").GetDouble());
        var id = job.GetProperty("result").GetProperty("planId").GetInt64();
        Assert.Equal($"/api/plans/{id}", job.GetProperty("result").GetProperty("href").GetString());

        var header = (await app.Json("/api/plans")).EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);
        Assert.Equal("Ұлытау 2027", header.GetProperty("name").GetString());
        Assert.True(header.GetProperty("synthetic").GetBoolean());
        Assert.Equal("least-cost", header.GetProperty("mode").GetString());
        Assert.Equal("2026-11-21", header.GetProperty("asOf").GetString());
        foreach (var field in new[] { "createdAt", "firstYear", "lastYear", "settlements", "population", "totalNpvTenge", "lowerBoundTenge", "gap", "capexTenge", "targetsMet", "seconds" })
            Assert.True(header.TryGetProperty(field, out _), field);

        var detail = await app.Json($"/api/plans/{id}");
        Assert.True(detail.GetProperty("synthetic").GetBoolean());
        Assert.Equal(PlanApp.Region, detail.GetProperty("inputs").GetProperty("region").GetString());
        var summary = detail.GetProperty("summary");
        var settlements = summary.GetProperty("settlements").GetInt32();
        Assert.True(settlements > 0);
        Assert.Equal(2, summary.GetProperty("targets").GetArrayLength());
        foreach (var field in new[] { "opexTengePerYear", "technologies", "years", "regionYears", "shortfalls", "assumptions", "network" })
            Assert.True(summary.TryGetProperty(field, out _), field);
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("sensitivity").ValueKind);
        Assert.False(detail.TryGetProperty("settlements", out _));

        var geo = await app.Client.GetAsync($"/api/plans/{id}.geojson");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var fc = JsonDocument.Parse(await geo.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        Assert.True(fc.GetProperty("synthetic").GetBoolean());
        var kinds = fc.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToList();
        Assert.Equal(settlements, kinds.Count(k => k == "settlement"));
        Assert.Contains("fibre", kinds);

        var csvResponse = await app.Client.GetAsync($"/api/plans/{id}.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csvResponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"plan-{id}.csv", csvResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var csv = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("settlement_id,technology,year,capex_tenge,opex_tenge_per_year,meets_100mbps,reason", csv[0]);
        Assert.Equal(string.Join(",", PlanCsv.Header), csv[0]);
        Assert.Equal(settlements, csv.Length - 1);
        Assert.All(csv.Skip(1), l => Assert.EndsWith(",true", l));

        var settlementId = csv[1].Split(',')[0];
        var line = await app.Json($"/api/plans/{id}/settlements/{settlementId}");
        Assert.Equal(settlementId, line.GetProperty("settlementId").GetString());
        Assert.Equal(PlanApp.Region, line.GetProperty("region").GetString());
        foreach (var field in new[] { "technology", "year", "capexTenge", "meets100Mbps", "reason", "earliestYear", "binding" })
            Assert.True(line.TryGetProperty(field, out _), field);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.GetAsync($"/api/plans/{id}/settlements/osm-0"));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/plans/{id}")).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.GetAsync($"/api/plans/{id}"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.DeleteAsync($"/api/plans/{id}"));
        Assert.DoesNotContain((await app.Json("/api/plans")).EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Two_budgets_give_two_different_plans_side_by_side()
    {
        var rich = await app.Plan(new { name = "rich", region = PlanApp.Region, budgetPerYearTenge = (double?)null });
        var poor = await app.Plan(new { name = "poor", region = PlanApp.Region, budgetPerYearTenge = 1e8 });
        var c = await app.Json($"/api/plans/compare?a={rich}&b={poor}");
        Assert.Equal(rich, c.GetProperty("a").GetProperty("id").GetInt64());
        Assert.Equal(poor, c.GetProperty("b").GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, (await app.Json($"/api/plans/{rich}")).GetProperty("inputs").GetProperty("phasing").GetProperty("budgetPerYearTenge").ValueKind);
        Assert.True(c.GetProperty("settlements").GetArrayLength() > 0, "a 100-million budget should move settlements to other years");
        var d = c.GetProperty("settlements")[0];
        foreach (var field in new[] { "settlementId", "name", "region", "lon", "lat", "technologyA", "yearA", "capexA", "technologyB", "yearB", "capexB" })
            Assert.True(d.TryGetProperty(field, out _), field);
        Assert.True(c.GetProperty("technologies").GetArrayLength() > 0);
        Assert.Equal(0, c.GetProperty("onlyInA").GetInt32());
        Assert.Equal(0, c.GetProperty("onlyInB").GetInt32());
        Assert.True(c.TryGetProperty("npvDifferenceTenge", out _) && c.TryGetProperty("capexDifferenceTenge", out _));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.GetAsync($"/api/plans/compare?a={rich}&b=999999"));
    }

    [Fact]
    public async Task The_default_cost_book_is_served_and_an_edited_copy_is_accepted()
    {
        var book = await app.Json("/api/plans/costs");
        Assert.Equal("dala-cost-book", book.GetProperty("format").GetString());
        Assert.True(book.GetProperty("items").GetProperty("leo_terminal").GetProperty("value").GetDouble() > 0);
        var costs = System.Text.Json.Nodes.JsonNode.Parse(book.GetRawText())!;
        costs["items"]!["leo_terminal"]!["value"] = 400;
        var id = await app.Plan(new { name = "edited costs", region = PlanApp.Region, mode = "most-people", costs, sensitivity = false,
            targets = new[] { new { id = "bb", label = "all on broadband", metric = "broadband", share = 1.0, by = "2028-12-31" } } });
        var inputs = (await app.Json($"/api/plans/{id}")).GetProperty("inputs");
        Assert.Equal(400, inputs.GetProperty("costs").GetProperty("items").GetProperty("leo_terminal").GetProperty("value").GetDouble());
        Assert.Equal("most-people", inputs.GetProperty("mode").GetString());
        Assert.Equal("bb", inputs.GetProperty("targets")[0].GetProperty("id").GetString());
    }
}
