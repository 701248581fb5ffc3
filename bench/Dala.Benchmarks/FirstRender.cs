using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Dala.Benchmarks;

/// <summary>
/// Time to first map render in headless Chromium: from navigation start to the moment the page has drawn all
/// 7,098 settlements (window.dala.firstRenderMs, performance.now() at first draw), each run in a fresh context.
/// </summary>
public static class FirstRender
{
    public static async Task<int> RunAsync(int runs)
    {
        var api = new ApiBenchmarks();
        api.Setup();
        try
        {
            var url = api.BaseUrl;
            using var pw = await Playwright.CreateAsync();
            await using var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page0 = await browser.NewPageAsync();
            await page0.GotoAsync(url);
            await page0.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
            var samples = new List<(double Page, double Wall)>();
            var timings = "";
            for (var i = 0; i < runs; i++)
            {
                await using var ctx = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
                var page = await ctx.NewPageAsync();
                var sw = Stopwatch.StartNew();
                await page.GotoAsync(url);
                await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'", null, new() { Timeout = 60000 });
                sw.Stop();
                var ms = await page.EvaluateAsync<double>("() => window.dala.firstRenderMs");
                samples.Add((ms, sw.Elapsed.TotalMilliseconds));
                timings = await page.EvaluateAsync<string>("() => JSON.stringify({ ...window.dala.timings, navStart: performance.timing.navigationStart - performance.timeOrigin })");
            }
            var pageMs = Median(samples.Select(s => s.Page));
            var wallMs = Median(samples.Select(s => s.Wall));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first-map-render (7,098 settlements, {runs} runs, median): page={pageMs:0} ms (performance.now at first draw), wall={wallMs:0} ms (goto..ready)"));
            Console.WriteLine("  last run, page phases: " + timings);
            return 0;
        }
        finally
        {
            api.Cleanup();
        }
    }

    private static double Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }
}
