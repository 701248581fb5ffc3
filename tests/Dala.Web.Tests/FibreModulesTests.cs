using System.Text.RegularExpressions;

namespace Dala.Web.Tests;

/// <summary>
/// The fibre plan's front-end modules (web/src/fibre.js and fibre-*.js) keep the state in one place: only fibre-state.js
/// sets the plan (their sizes and module-level state: WebModuleSizeTests).
/// </summary>
public sealed partial class FibreModulesTests
{
    private static readonly string Src = Path.Combine(Ndt7.NodeHarness.RepoRoot(), "web", "src");

    private static string[] Modules() =>
        [.. Directory.GetFiles(Src, "fibre*.js").Order(StringComparer.Ordinal)];

    [Fact]
    public void Only_the_fibre_state_module_sets_the_plan()
    {
        var bad = new List<string>();
        foreach (var f in Modules())
        {
            var name = Path.GetFileName(f);
            var lines = File.ReadAllLines(f);
            for (var i = 0; i < lines.Length; i++)
            {
                if (name != "fibre-state.js" && PlanWrite().IsMatch(lines[i])) bad.Add($"{name}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    /// <summary>An assignment to a `plan` or `params` member (not a comparison).</summary>
    [GeneratedRegex(@"\.(?:plan|params)\s*=(?!=)")]
    private static partial Regex PlanWrite();
}
