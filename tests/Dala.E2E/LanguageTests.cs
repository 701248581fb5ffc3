using System.Text.Json;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>
/// The interface in Kazakh, Russian and English in real Chromium: switched in the header, every tab shows no
/// visible text (nor title, placeholder, aria-label, alt) that is still an English msgid of the catalogue; the
/// browser's language picks the default; numbers follow the locale; English comes back as it was; the choice
/// survives a reload. Screenshots go to artifacts/e2e (lang-*.png).
/// </summary>
public class LanguageTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly string[] Views = ["map", "progress", "speedtest", "quality", "rollout", "compliance", "permits", "events", "indicators"];

    /// <summary>Visible text nodes and translated attributes of the page (translate="no" and code left out).</summary>
    private const string CollectJs = """
        () => {
          const out = [];
          const skip = el => el.closest('script,style,code,pre,textarea,[translate="no"]');
          const norm = s => String(s).replace(/\s+/g, ' ').trim();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            const text = norm(n.data);
            if (!text || !el || skip(el) || !el.checkVisibility()) continue;
            out.push(text);
          }
          for (const el of document.querySelectorAll('[title],[placeholder],[aria-label],[alt]')) {
            if (skip(el) || !el.checkVisibility()) continue;
            for (const a of ['title', 'placeholder', 'aria-label', 'alt']) if (el.hasAttribute(a)) out.push(norm(el.getAttribute(a)));
          }
          out.push(norm(document.title));
          return out;
        }
        """;

    [ChromiumFact]
    public async Task Kazakh_and_Russian_leave_no_catalogue_string_untranslated_on_any_tab_and_English_comes_back()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "en-GB" });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var inflight = TrackRequests(page);

        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Quiet(page, inflight);
        var english = await page.InnerTextAsync("#view-map .sidebar");
        var englishTabs = await page.InnerTextAsync("nav.tabs");

        foreach (var (lang, speedTest) in new[] { ("kk", "Жылдамдықты өлшеу"), ("ru", "Тест скорости") })
        {
            var catalogue = JsonSerializer.Deserialize<Dictionary<string, string>>(await server.Http.GetStringAsync($"/i18n/{lang}.json"))!;
            // Msgids whose translation is the same text (CSV, RSRP, Dala…) cannot be told apart: they do not count.
            var untranslatable = catalogue.Where(e => e.Key != e.Value).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            var translations = catalogue.Values.ToHashSet(StringComparer.Ordinal);
            await page.ClickAsync("#tab-map");
            await page.SelectOptionAsync("#lang-select", lang);
            await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{lang}'");
            Assert.Equal(speedTest, (await page.TextContentAsync("#tab-speedtest"))?.Trim());

            var found = new List<string>();
            foreach (var view in Views)
            {
                await page.ClickAsync($"#tab-{view}");
                await page.WaitForFunctionAsync($"() => document.body.dataset.view === '{view}'");
                await Quiet(page, inflight);
                var texts = await page.EvaluateAsync<string[]>(CollectJs);
                found.AddRange(texts.Where(untranslatable.Contains).Select(t => $"{lang}/{view}: {t}"));
                // The check looked at something: each view shows translated texts of the catalogue.
                Assert.True(texts.Count(translations.Contains) >= 3, $"{lang}/{view}: only {texts.Count(translations.Contains)} translated texts among {texts.Length}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), $"lang-{lang}-{view}.png") });
            }
            Assert.True(found.Count == 0, "untranslated:\n" + string.Join("\n", found.Distinct()));
        }

        // The choice is kept: a reload comes back in Russian.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        Assert.Equal("ru", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("ru", await page.InputValueAsync("#lang-select"));

        // Back to English: the texts are the English originals again, without a reload.
        await page.ClickAsync("#tab-map");
        await page.SelectOptionAsync("#lang-select", "kk");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'kk'");
        await page.SelectOptionAsync("#lang-select", "en");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await Quiet(page, inflight);
        Assert.Equal(englishTabs, await page.InnerTextAsync("nav.tabs"));
        Assert.Equal(english, await page.InnerTextAsync("#view-map .sidebar"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [ChromiumFact]
    public async Task The_browser_language_picks_the_default_and_numbers_follow_the_locale()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });

        Assert.Equal("ru", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("ru", await page.InputValueAsync("#lang-select"));
        Assert.Equal("Тест скорости", (await page.TextContentAsync("#tab-speedtest"))?.Trim());
        Assert.Equal("Населённые пункты на оптоволокне", (await page.TextContentAsync("#view-progress .kpi-fibre .kpi-label"))?.Trim());

        // "of 7,098" is "из 7 098", grouped as Intl writes Russian (a no-break space).
        var total = (await page.TextContentAsync("#count-total"))?.Trim() ?? "";
        var expected = await page.EvaluateAsync<string>("() => new Intl.NumberFormat('ru-RU').format(7098)");
        Assert.Equal("из " + expected, total);
        Assert.Matches("^7[\u00a0\u202f]098$", expected);

        // The switch is a tap target on a phone.
        var box = await page.Locator("#lang-select").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44 && box.Width >= 44, $"{box.Width}x{box.Height}");
        Assert.True(await page.Locator("#lang-select").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "lang-ru-default-390.png") });

        // ?lang= wins over the browser's language.
        await page.GotoAsync(server.Url + "?lang=kk");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
        Assert.Equal("kk", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("Жылдамдықты өлшеу", (await page.TextContentAsync("#tab-speedtest"))?.Trim());
        // Kazakh groups digits as Kazakhstan writes them ("7 098"), also where Chromium lacks Kazakh number data.
        Assert.Matches("^/ 7[\u00a0\u202f]098$", (await page.TextContentAsync("#count-total"))?.Trim() ?? "");
        // Region names in the chosen language: the region filter lists Kazakh names.
        var options = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#filter-region option')].map(o => o.textContent.trim())");
        Assert.Contains("Ақмола облысы", options);
        await context.CloseAsync();
    }

    /// <summary>Counts the page's requests in flight.</summary>
    private static Func<int> TrackRequests(IPage page)
    {
        var n = 0;
        page.Request += (_, _) => Interlocked.Increment(ref n);
        page.RequestFinished += (_, _) => Interlocked.Decrement(ref n);
        page.RequestFailed += (_, _) => Interlocked.Decrement(ref n);
        return () => Volatile.Read(ref n);
    }

    /// <summary>Waits until no request has been in flight for half a second (at most 20 s).</summary>
    private static async Task Quiet(IPage page, Func<int> inflight)
    {
        var quietSince = DateTime.UtcNow;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (inflight() > 0) quietSince = DateTime.UtcNow;
            else if (DateTime.UtcNow - quietSince > TimeSpan.FromMilliseconds(500)) break;
            await page.WaitForTimeoutAsync(100);
        }
    }
}
