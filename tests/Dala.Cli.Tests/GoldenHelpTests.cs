using System.CommandLine;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// The help of every verb is locked by a golden file (tests/Dala.Cli.Tests/golden/help/*.txt). After an
/// intended change, regenerate with DALA_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class GoldenHelpTests
{
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        var root = DalaCli.Build(CliContext.ForText(TextWriter.Null, TextWriter.Null, ".", CliRun.Clock));
        foreach (var c in DalaCli.Descendants(root)) data.Add(Path(c));
        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_matches_the_golden_file(string verb)
    {
        using var dir = new TempDir();
        var args = verb.Length == 0 ? new[] { "--help" } : verb.Split(' ').Append("--help").ToArray();
        var run = CliRun.In(dir.Path, args);
        Assert.Equal(0, run.Exit);
        var golden = System.IO.Path.Combine(GoldenDir, "help", (verb.Length == 0 ? "dala" : "dala-" + verb.Replace(' ', '-')) + ".txt");
        var actual = run.Out.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("DALA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
        }
        Assert.True(File.Exists(golden), $"missing golden file {golden}: run the tests with DALA_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    private static string Path(Command c)
    {
        var names = new List<string>();
        for (Symbol? s = c; s is Command cmd and not RootCommand; s = s.Parents.FirstOrDefault()) names.Insert(0, cmd.Name);
        return string.Join(' ', names);
    }

    private static string GoldenDir
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                var p = System.IO.Path.Combine(d.FullName, "tests", "Dala.Cli.Tests", "golden");
                if (Directory.Exists(p)) return p;
            }
            throw new DirectoryNotFoundException("tests/Dala.Cli.Tests/golden");
        }
    }
}
