using System.Text.RegularExpressions;
using Dala.Web.Tests.Ndt7;

namespace Dala.Web.Tests;

/// <summary>
/// The front-end pages split by concern stay split: every web/src/speedtest*.js, radio*.js and fibre*.js is under 250
/// lines, and the radio and fibre modules keep no mutable state at module level (their one state objects are RadioState
/// and fibre-state.js's; what a shared link carries is in the URL, urlstate.js).
/// </summary>
public sealed partial class WebModuleSizeTests
{
    private const int MaxLines = 250;
    private static readonly string Src = Path.Combine(NodeHarness.RepoRoot(), "web", "src");

    [Theory]
    [InlineData("speedtest")]
    [InlineData("radio")]
    [InlineData("fibre")]
    public void Every_module_of_a_split_page_is_under_250_lines(string prefix)
    {
        var files = Directory.GetFiles(Src, prefix + "*.js");
        Assert.True(files.Length >= 5, $"{prefix}*.js: {files.Length} files; the page is split into several");
        var over = files.Select(f => (Name: Path.GetFileName(f), Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines >= MaxLines).Select(x => $"{x.Name}: {x.Lines} lines").ToList();
        Assert.True(over.Count == 0, string.Join("; ", over));
    }

    [Theory]
    [InlineData("radio")]
    [InlineData("fibre")]
    public void Split_modules_keep_no_mutable_state_at_module_level(string prefix)
    {
        var found = new List<string>();
        foreach (var f in Directory.GetFiles(Src, prefix + "*.js"))
        {
            var n = 0;
            foreach (var line in File.ReadLines(f))
            {
                n++;
                if (ModuleLevelState().IsMatch(line)) found.Add($"{Path.GetFileName(f)}:{n}: {line.Trim()}");
            }
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>A top-level let or var, or a top-level const holding an empty Map, Set, array or object to fill (a lookup
    /// built from constants is not state).</summary>
    [GeneratedRegex(@"^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+\s*=\s*(?:new\s+(?:Map|Set|WeakMap|Array)\(\s*\)|\[\s*\]|\{\s*\};)")]
    private static partial Regex ModuleLevelState();
}
