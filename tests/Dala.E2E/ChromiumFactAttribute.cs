namespace Dala.E2E;

/// <summary>
/// A test that needs the machine's Chromium (/usr/bin/chromium, installed by ./test from Debian). Skipped with
/// the reason when it is missing locally; with CI=true it runs, and fails if Chromium is missing.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{Executable} is not installed (./test installs it; with CI=true this test fails instead)";
    }
}
