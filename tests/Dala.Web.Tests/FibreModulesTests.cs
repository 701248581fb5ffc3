using System.Text.RegularExpressions;

namespace Dala.Web.Tests;

/// <summary>
/// The fibre plan's front-end modules (web/src/fibre.js and fibre-*.js): each small enough to read, and the state in
/// one place: no module keeps mutable state of its own at its top level, and only fibre-state.js sets the plan.
/// </summary>
public sealed partial class FibreModulesTests
{
    private static readonly string Src = Path.Combine(Ndt7.NodeHarness.RepoRoot(), "web", "src");

    private static string[] Modules() =>
        [.. Directory.GetFiles(Src, "fibre*.js").Order(StringComparer.Ordinal)];

    [Fact]
    public void Fibre_modules_are_split_by_concern_and_each_under_250_lines()
    {
        var files = Modules();
        Assert.True(files.Length >= 6, string.Join(", ", files.Select(Path.GetFileName)));
        var over = files.Select(f => (Name: Path.GetFileName(f), Lines: File.ReadAllLines(f).Length)).Where(x => x.Lines > 250).ToList();
        Assert.True(over.Count == 0, string.Join(", ", over.Select(x => $"{x.Name}: {x.Lines} lines")));
    }

    [Fact]
    public void Fibre_modules_keep_no_module_level_mutable_state_and_only_the_state_module_sets_the_plan()
    {
        var bad = new List<string>();
        foreach (var f in Modules())
        {
            var name = Path.GetFileName(f);
            var lines = File.ReadAllLines(f);
            for (var i = 0; i < lines.Length; i++)
            {
                if (TopLevelVariable().IsMatch(lines[i])) bad.Add($"{name}:{i + 1}: {lines[i].Trim()}");
                if (name != "fibre-state.js" && PlanWrite().IsMatch(lines[i])) bad.Add($"{name}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    /// <summary>A `let` or `var` at the top level of a module (column 0).</summary>
    [GeneratedRegex(@"^(?:export\s+)?(?:let|var)\s")]
    private static partial Regex TopLevelVariable();

    /// <summary>An assignment to a `plan` or `params` member (not a comparison).</summary>
    [GeneratedRegex(@"\.(?:plan|params)\s*=(?!=)")]
    private static partial Regex PlanWrite();
}
