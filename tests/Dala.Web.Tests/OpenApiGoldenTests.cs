using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dala.Web.Tests;

/// <summary>The OpenAPI document is the public surface: locked by golden/openapi.json (DALA_UPDATE_GOLDEN=1 rewrites it).</summary>
public class OpenApiGoldenTests(NationalApp app) : IClassFixture<NationalApp>
{
    [Fact]
    public async Task OpenApi_document_matches_the_golden_file()
    {
        var text = await app.Client.GetStringAsync("/openapi/v1.json");
        var actual = JsonNode.Parse(text)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
        var golden = Path.Combine(GoldenDir(), "openapi.json");
        if (Environment.GetEnvironmentVariable("DALA_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, actual);
        Assert.True(File.Exists(golden), "missing golden/openapi.json: run with DALA_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint()
    {
        var doc = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();
        foreach (var p in new[] { "/api/regions", "/api/settlements", "/api/settlements/{id}", "/api/progress", "/api/dataset", "/api/outline", "/api/operators" })
            Assert.Contains(p, paths);
    }

    private static string GoldenDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "tests", "Dala.Web.Tests", "golden");
            if (Directory.Exists(p)) return p;
        }
        throw new DirectoryNotFoundException("tests/Dala.Web.Tests/golden");
    }
}
