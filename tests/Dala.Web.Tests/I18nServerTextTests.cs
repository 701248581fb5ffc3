using System.Text.Json;
using System.Text.RegularExpressions;
using Dala.Quality.Obligations;
using Dala.Registry.Progress;
using Dala.Registry.Query;

namespace Dala.Web.Tests;

/// <summary>
/// Texts the server sends that the interface shows as they come (the synthetic note, the national targets, the
/// default obligations' notes, every problem+json title) are msgids of web/src/i18n/server.txt, so the extractor puts
/// them in the catalogues and a Kazakh or Russian page shows them translated.
/// </summary>
public sealed partial class I18nServerTextTests
{
    private static readonly string Root = Ndt7.NodeHarness.RepoRoot();

    private static HashSet<string> Listed() =>
        File.ReadAllLines(Path.Combine(Root, "web", "src", "i18n", "server.txt"))
            .Select(l => Regex.Replace(l, @"\s+", " ").Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

    /// <summary>Every title: "..." and Title = "..." of the web host's problem answers (the OpenAPI title excepted).</summary>
    private static IEnumerable<string> ProblemTitles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src", "Dala.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TitleLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(t => t != "Dala API").Distinct();

    public static TheoryData<string> ServerTexts()
    {
        var data = new TheoryData<string>();
        data.Add(DatasetDescription.Note);
        foreach (var t in Target.Defaults) data.Add(t.Label);
        foreach (var o in DefaultObligations.All) if (o.Note is { Length: > 0 } n) data.Add(n);
        return data;
    }

    [Theory]
    [MemberData(nameof(ServerTexts))]
    public void A_server_text_shown_in_the_interface_is_listed_and_translated(string text)
    {
        Assert.Contains(text, Listed());
        foreach (var lang in new[] { "kk", "ru" })
        {
            var cat = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Root, "web", "src", "i18n", lang + ".json")))!;
            Assert.True(cat.TryGetValue(text, out var v) && !string.IsNullOrWhiteSpace(v), $"{lang}.json has no translation of: {text}");
        }
    }

    [Fact]
    public void Every_problem_title_is_listed()
    {
        var titles = ProblemTitles().ToArray();
        Assert.True(titles.Length > 30, $"found only {titles.Length} problem titles: the scan is broken");
        var missing = titles.Except(Listed()).ToArray();
        Assert.True(missing.Length == 0, "problem titles not in web/src/i18n/server.txt (add them, run node web/tools/i18n-extract.mjs, translate):\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""(?:title:\s*|Title\s*=\s*)"([^"]+)"[,;)]""")]
    private static partial Regex TitleLiteral();
}
