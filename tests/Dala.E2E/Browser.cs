using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>Headless Debian Chromium driven by Playwright, with the flags this machine's closed network needs.</summary>
public static class Browser
{
    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    // English unless a test asks for another locale: the interface follows the browser's language.
                    "--lang=en-GB"],
        });
        return (pw, browser);
    }

    public static string ArtifactsDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Dala.slnx")))
            {
                var p = Path.Combine(d.FullName, "artifacts", "e2e");
                Directory.CreateDirectory(p);
                return p;
            }
        }
        return Path.GetTempPath();
    }
}
