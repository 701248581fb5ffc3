using System.Net;
using System.Text.Json;

namespace Dala.Web.Tests;

/// <summary>Bad API parameters give 400 problem+json naming the parameter, never a 500.</summary>
public class BadParameterTests(NationalApp app) : IClassFixture<NationalApp>
{
    [Theory]
    [InlineData("/api/settlements?page=abc", "page")]
    [InlineData("/api/settlements?page=0", "page")]
    [InlineData("/api/settlements?pageSize=0", "pageSize")]
    [InlineData("/api/settlements?pageSize=100000", "pageSize")]
    [InlineData("/api/settlements?pageSize=99999999999999999999", "pageSize")]
    [InlineData("/api/settlements?kind=metropolis", "kind")]
    [InlineData("/api/settlements?technology=6G", "technology")]
    [InlineData("/api/settlements?region=XX-99", "region")]
    [InlineData("/api/settlements?minPopulation=-1", "minPopulation")]
    [InlineData("/api/settlements?minPopulation=500&maxPopulation=100", "maxPopulation")]
    [InlineData("/api/settlements?bbox=1,2,3", "bbox")]
    [InlineData("/api/settlements?bbox=10,50,5,40", "bbox")]
    [InlineData("/api/settlements?bbox=0,0,0,999", "bbox")]
    [InlineData("/api/settlements?format=xml", "format")]
    [InlineData("/api/settlements?regoin=KZ-11", "regoin")]
    [InlineData("/api/regions?format=shp", "format")]
    [InlineData("/api/progress?scope=urban", "scope")]
    [InlineData("/api/progress?region=KZ-00", "region")]
    [InlineData("/api/progress?format=xlsx", "format")]
    [InlineData("/api/settlements/nearest?lat=51", "lon")]
    [InlineData("/api/settlements/nearest?lon=abc&lat=51", "lon")]
    [InlineData("/api/settlements/nearest?lon=71&lat=200", "lat")]
    [InlineData("/api/settlements/nearest?lon=71&lat=51&count=0", "count")]
    [InlineData("/api/settlements/nearest?lon=71&lat=51&count=101", "count")]
    [InlineData("/api/regions/at?lon=71", "lat")]
    [InlineData("/api/regions/at?lon=NaN&lat=51", "lon")]
    [InlineData("/api/fibre/plan?region=KZ-00", "region")]
    [InlineData("/api/fibre/plan?seconds=0", "seconds")]
    [InlineData("/api/fibre/plan?seconds=ten", "seconds")]
    [InlineData("/api/fibre/plan?detour=0.5", "detour")]
    [InlineData("/api/fibre/plan?detour=NaN", "detour")]
    [InlineData("/api/fibre/plan?kinds=village,metropolis", "kinds")]
    [InlineData("/api/fibre/plan?backbone=satellite", "backbone")]
    [InlineData("/api/fibre/plan?minPopulation=-5", "minPopulation")]
    [InlineData("/api/fibre/plan.geojson?paths=maybe", "paths")]
    [InlineData("/api/fibre/plan.csv?regoin=KZ-59", "regoin")]
    public async Task Answer_is_400_problem_json_naming_the_parameter(string url, string parameter)
    {
        var r = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out var messages), body.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/settlements/%E2%98%83")]
    public async Task Unknown_paths_are_404_problem_json(string url)
    {
        var r = await app.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }
}
