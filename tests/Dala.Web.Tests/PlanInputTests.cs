using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Dala.Web.Tests;

/// <summary>Bad plan requests are problem+json naming the field (400 malformed, 422 invalid, 415, 413, 404), never a 500; nothing is queued or saved.</summary>
[Collection(PlanAppCollection.Name)]
public sealed class PlanInputTests(PlanApp app)
{
    private async Task<HttpResponseMessage> Post(string json, string contentType = "application/json") =>
        await app.Client.PostAsync("/api/plans", new StringContent(json, Encoding.UTF8, contentType));

    [Theory]
    [InlineData("{\"name\": \"x\",", "body")]
    [InlineData("", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("{\"name\": 5}", "name")]
    [InlineData("{\"name\": \"x\", \"budgetPerYearTenge\": \"lots\"}", "budgetPerYearTenge")]
    [InlineData("{\"name\": \"x\", \"sitesPerRegionYear\": 2.5}", "sitesPerRegionYear")]
    [InlineData("{\"name\": \"x\", \"sensitivity\": \"yes\"}", "sensitivity")]
    [InlineData("{\"name\": \"x\", \"budget\": 1}", "budget")]
    [InlineData("{\"name\": \"x\", \"name\": \"y\"}", "name")]
    [InlineData("{\"name\": \"x\", \"targets\": {}}", "targets")]
    [InlineData("{\"name\": \"x\", \"targets\": [{\"id\": \"a\", \"metric\": \"fibre\", \"share\": \"all\", \"by\": \"2027-12-31\"}]}", "targets[0].share")]
    [InlineData("{\"name\": \"x\", \"costs\": [1]}", "costs")]
    [InlineData("{\"name\": \"x\", \"regionBudgetPerYearTenge\": [1]}", "regionBudgetPerYearTenge")]
    [InlineData("{\"name\": \"x\", \"regionBudgetPerYearTenge\": {\"KZ-62\": \"lots\"}}", "regionBudgetPerYearTenge.KZ-62")]
    public async Task Malformed_bodies_are_400(string json, string field) =>
        await Refused(() => Post(json), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("{\"name\": \"  \"}", "name")]
    [InlineData("{\"name\": \"x\", \"region\": \"KZ-99\"}", "region")]
    [InlineData("{\"name\": \"x\", \"mode\": \"fastest\"}", "mode")]
    [InlineData("{\"name\": \"x\", \"budgetPerYearTenge\": 0}", "budgetPerYearTenge")]
    [InlineData("{\"name\": \"x\", \"fibreKmPerRegionYear\": -1}", "fibreKmPerRegionYear")]
    [InlineData("{\"name\": \"x\", \"regionBudgetPerYearTenge\": {\"KZ-99\": 1e9}}", "regionBudgetPerYearTenge.KZ-99")]
    [InlineData("{\"name\": \"x\", \"regionBudgetPerYearTenge\": {\"KZ-62\": 0}}", "regionBudgetPerYearTenge.KZ-62")]
    [InlineData("{\"name\": \"x\", \"sitesPerRegionYear\": -1}", "sitesPerRegionYear")]
    [InlineData("{\"name\": \"x\", \"permitLeadMonths\": 61}", "permitLeadMonths")]
    [InlineData("{\"name\": \"x\", \"targets\": []}", "targets")]
    [InlineData("{\"name\": \"x\", \"targets\": [{\"id\": \"a\", \"metric\": \"fibre\", \"share\": 1.5, \"by\": \"2027-12-31\"}]}", "targets[0].share")]
    [InlineData("{\"name\": \"x\", \"targets\": [{\"id\": \"a\", \"metric\": \"5G\", \"share\": 1, \"by\": \"2027-12-31\"}]}", "targets[0].metric")]
    [InlineData("{\"name\": \"x\", \"targets\": [{\"id\": \"a\", \"metric\": \"fibre\", \"share\": 1, \"by\": \"31.12.2027\"}]}", "targets[0].by")]
    [InlineData("{\"name\": \"x\", \"targets\": [{\"id\": \"a\", \"metric\": \"fibre\", \"share\": 1, \"by\": \"2099-12-31\"}]}", "targets[0].by")]
    [InlineData("{\"name\": \"x\", \"costs\": {\"format\": \"dala-cost-book\", \"version\": \"t\", \"items\": {\"no_such_item\": {}}}}", "costs.items.no_such_item")]
    [InlineData("{\"name\": \"x\", \"costs\": {\"items\": {}}}", "costs.format")]
    public async Task Invalid_values_are_422(string json, string field) =>
        await Refused(() => Post(json), HttpStatusCode.UnprocessableEntity, field);

    [Fact]
    public async Task A_name_over_100_characters_is_422() =>
        await Refused(() => app.PostPlan(new { name = new string('a', 101) }), HttpStatusCode.UnprocessableEntity, "name");

    [Fact]
    public async Task A_cost_book_with_a_negative_value_is_422_naming_the_item()
    {
        var costs = JsonNode.Parse(await app.Client.GetStringAsync("/api/plans/costs"))!;
        costs["items"]!["leo_terminal"]!["value"] = -1;
        var problem = await Refused(() => app.PostPlan(new { name = "x", region = PlanApp.Region, costs }), HttpStatusCode.UnprocessableEntity,
            "costs.items.leo_terminal.value");
        Assert.Contains("negative", problem.GetProperty("errors").GetProperty("costs.items.leo_terminal.value")[0].GetString());
    }

    [Fact]
    public async Task A_wrong_content_type_is_415() =>
        await Refused(() => Post("{\"name\": \"x\"}", "text/plain"), HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task A_body_over_1_MiB_is_413() =>
        await Refused(() => Post($"{{\"name\": \"x\", \"pad\": \"{new string(' ', 1024 * 1024)}\"}}"), HttpStatusCode.RequestEntityTooLarge);

    [Theory]
    [InlineData("/api/plans/999999")]
    [InlineData("/api/plans/999999.geojson")]
    [InlineData("/api/plans/999999.csv")]
    [InlineData("/api/plans/999999/settlements/osm-1")]
    [InlineData("/api/plans/abc")]
    [InlineData("/api/jobs/nosuchjob")]
    public async Task Unknown_plans_and_jobs_are_404(string url) =>
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.GetAsync(url));

    [Theory]
    [InlineData("/api/plans/compare?a=1", "b")]
    [InlineData("/api/plans/compare?b=1", "a")]
    [InlineData("/api/plans/compare?a=one&b=2", "a")]
    [InlineData("/api/plans/compare?a=1&b=2.5", "b")]
    [InlineData("/api/plans/compare?a=1&b=2&c=3", "c")]
    public async Task Compare_without_two_plan_ids_is_400(string url, string parameter) =>
        await ProblemAssert.Names(HttpStatusCode.BadRequest, await app.Client.GetAsync(url), parameter);

    [Fact]
    public async Task Deleting_an_unknown_job_is_404() =>
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Client.DeleteAsync("/api/jobs/nosuchjob"));

    /// <summary>The request is refused with this problem, and neither a job nor a plan appears.</summary>
    private async Task<System.Text.Json.JsonElement> Refused(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? field = null)
    {
        var jobs = (await app.Json("/api/jobs")).GetArrayLength();
        var plans = (await app.Json("/api/plans")).GetArrayLength();
        var response = await send();
        var problem = field is null ? await ProblemAssert.Is(status, response) : await ProblemAssert.Names(status, response, field);
        Assert.Equal(jobs, (await app.Json("/api/jobs")).GetArrayLength());
        Assert.Equal(plans, (await app.Json("/api/plans")).GetArrayLength());
        return problem;
    }
}
