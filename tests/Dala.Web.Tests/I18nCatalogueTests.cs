using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dala.Web.Tests;

/// <summary>
/// The interface's message catalogues (web/src/i18n/kk.json, ru.json; keyed by the English msgid): the same keys in
/// both, every value filled, no placeholder a value invents, and SYNTHETIC still unmistakable once translated.
/// New msgids come from `node web/tools/i18n-extract.mjs` with empty values, which this test then refuses.
/// </summary>
public sealed partial class I18nCatalogueTests
{
    private static readonly string Dir = Path.Combine(Ndt7.NodeHarness.RepoRoot(), "web", "src", "i18n");

    private static Dictionary<string, string> Load(string lang) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Dir, lang + ".json")))!;

    [Fact]
    public void Kazakh_and_Russian_have_the_same_msgids()
    {
        var kk = Load("kk");
        var ru = Load("ru");
        Assert.True(kk.Count > 500, $"kk.json has {kk.Count} msgids");
        Assert.Empty(kk.Keys.Except(ru.Keys));
        Assert.Empty(ru.Keys.Except(kk.Keys));
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public void Every_msgid_has_a_translation_with_only_its_own_placeholders(string lang)
    {
        var bad = new List<string>();
        foreach (var (key, value) in Load(lang))
        {
            if (string.IsNullOrWhiteSpace(value)) { bad.Add($"empty: {key}"); continue; }
            if (key != key.Trim() || Regex.IsMatch(key, @"\s{2}")) bad.Add($"key not normalised: '{key}'");
            var allowed = Placeholder().Matches(key).Select(m => m.Value).ToHashSet();
            foreach (Match m in Placeholder().Matches(value))
                if (!allowed.Contains(m.Value)) bad.Add($"{m.Value} not in the msgid: {key} → {value}");
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Theory]
    [InlineData("kk", "СИНТЕТИКАЛЫҚ")]
    [InlineData("ru", "СИНТЕТИЧЕСК")]
    public void Synthetic_labels_stay_unmistakable(string lang, string word)
    {
        var cat = Load(lang);
        Assert.Equal(lang == "kk" ? "СИНТЕТИКАЛЫҚ" : "СИНТЕТИЧЕСКИЕ ДАННЫЕ", cat["SYNTHETIC"]);
        foreach (var (key, value) in cat.Where(e => e.Key.Contains("SYNTHETIC", StringComparison.Ordinal)))
            Assert.True(value.Contains(word, StringComparison.Ordinal), $"{key} → {value}");
    }

    [Theory]
    [InlineData("kk", "Settlement", "Елді мекен")]
    [InlineData("kk", "Fibre", "Талшықты-оптикалық")]
    [InlineData("kk", "Speed test", "Жылдамдықты өлшеу")]
    [InlineData("ru", "Settlement", "Населённый пункт")]
    [InlineData("ru", "Fibre", "Оптоволокно")]
    [InlineData("ru", "Speed test", "Тест скорости")]
    public void Official_terms(string lang, string msgid, string expected) => Assert.Equal(expected, Load(lang)[msgid]);

    [Fact]
    public async Task Every_string_of_the_interface_is_in_both_catalogues_with_a_translation()
    {
        // The extractor's --check lists msgids found in web/src that a catalogue lacks or leaves empty, and exits 1.
        var psi = new System.Diagnostics.ProcessStartInfo("node", ["web/tools/i18n-extract.mjs", "--check"])
        {
            WorkingDirectory = Ndt7.NodeHarness.RepoRoot(), RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"run `node web/tools/i18n-extract.mjs` and translate the new msgids:\n{await err}{output}");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
