namespace Dala.Architecture.Tests;

public class DependencyRuleTests
{
    [Fact]
    public void Every_project_in_src_follows_the_dependency_rules()
    {
        var projects = ProjectInfo.LoadSources();
        Assert.Contains(projects, p => p.Name == "Dala.Geo");
        var violations = projects.SelectMany(DependencyRules.Violations).ToArray();
        Assert.True(violations.Length == 0, string.Join("\n", violations));
    }

    [Theory]
    [InlineData("Dala.Registry", "<ProjectReference Include=\"..\\Dala.Storage.Sqlite\\Dala.Storage.Sqlite.csproj\" />")]
    [InlineData("Dala.Registry", "<PackageReference Include=\"Microsoft.Data.Sqlite\" />")]
    [InlineData("Dala.Registry", "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />")]
    [InlineData("Dala.Radio", "<ProjectReference Include=\"../Dala.Rollout/Dala.Rollout.csproj\" />")]
    [InlineData("Dala.Geo", "<ProjectReference Include=\"..\\Dala.Registry\\Dala.Registry.csproj\" />")]
    [InlineData("Dala.Storage.Sqlite", "<ProjectReference Include=\"..\\Dala.Web\\Dala.Web.csproj\" />")]
    [InlineData("Dala.Web", "<ProjectReference Include=\"..\\Dala.Cli\\Dala.Cli.csproj\" />")]
    [InlineData("Dala.Registry", "<PackageReference Include=\"Spectre.Console\" />")]
    [InlineData("Dala.Fibre", "<PackageReference Include=\"Google.OrTools\" />")]
    [InlineData("Dala.Platform", "<ProjectReference Include=\"..\\Dala.Quality\\Dala.Quality.csproj\" />")]
    [InlineData("Dala.Quality", "<PackageReference Include=\"Microsoft.Extensions.Identity.Core\" />")]
    public void A_forbidden_reference_is_caught(string project, string reference)
    {
        var p = ProjectInfo.Parse(project, $"<Project><ItemGroup>{reference}</ItemGroup></Project>");
        Assert.NotEmpty(DependencyRules.Violations(p));
    }

    [Fact]
    public void Allowed_references_pass()
    {
        var p = ProjectInfo.Parse("Dala.Rollout",
            "<Project><ItemGroup><ProjectReference Include=\"..\\Dala.Geo\\Dala.Geo.csproj\" /><ProjectReference Include=\"..\\Dala.Radio\\Dala.Radio.csproj\" /><PackageReference Include=\"MathNet.Numerics\" /><PackageReference Include=\"Google.OrTools\" /></ItemGroup></Project>");
        Assert.Empty(DependencyRules.Violations(p));
    }
}
