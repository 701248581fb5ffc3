using System.Text;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// The README's tour runs as written: every command line of its fenced blocks marked <c>```sh tour</c> is run, in
/// order, with the built CLI in place of <c>./dala</c>, in a temporary folder laid out like a clone (the repository's
/// <c>samples/</c> beside it and <c>../shared/data</c> above it), and must exit 0 and write the files it names.
/// <c>serve</c> lines are skipped (they run until stopped); <c>curl</c> lines are not in the tour's blocks.
/// </summary>
public sealed class ReadmeTourTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void The_tour_blocks_of_the_readme_run_as_written_and_write_what_they_name()
    {
        var root = RepositoryRoot();
        var lines = TourLines(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.True(lines.Count >= 15, $"the README has {lines.Count} tour lines: mark its command blocks ```sh tour");
        var work = Path.Combine(_dir.Path, "repo");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "shared"));
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "shared", "data"), SharedData.Root);
        Directory.CreateSymbolicLink(Path.Combine(work, "samples"), Path.Combine(root, "samples"));

        var ran = 0;
        foreach (var line in lines)
        {
            var words = Words(line);
            Assert.True(words.Count > 0 && words[0] == "./dala", $"a tour line that is not a ./dala command: {line}");
            var args = words.Skip(1).ToArray();
            if (args.FirstOrDefault() == "serve") continue;
            var run = CliRun.In(work, args);
            Assert.True(run.Exit == 0, $"`{line}` exited {run.Exit}:\n{run.Err}\n{run.Out}");
            foreach (var written in Written(args))
                Assert.True(File.Exists(Path.Combine(work, written)) || Directory.Exists(Path.Combine(work, written)), $"`{line}` did not write {written}");
            ran++;
        }
        Assert.True(ran >= 15, $"{ran} tour lines ran");
        // Every line that reads or writes a store names it: none fell back on the default ./dala.db unnoticed.
        Assert.False(File.Exists(Path.Combine(work, StoreOption.DefaultFile)), "a tour line used the default store ./dala.db instead of --store kz.db");
        Assert.True(File.Exists(Path.Combine(work, "kz.db")));
    }

    [Fact]
    public void The_readme_starts_with_the_two_commands_and_ships_every_sample_the_tour_names()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        Assert.StartsWith("# Dala\n\n```\n./dala serve\n./test\n```\n", readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var named = TourLines(readme).SelectMany(Words).Where(w => w.StartsWith("samples/", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.NotEmpty(named);
        Assert.All(named, p => Assert.True(File.Exists(Path.Combine(root, p)) || Directory.Exists(Path.Combine(root, p)), $"{p} is not shipped"));
        var formats = File.ReadAllText(Path.Combine(root, "docs", "formats.md"));
        Assert.All(Directory.EnumerateFiles(Path.Combine(root, "samples"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(".py", StringComparison.Ordinal)),
            f => Assert.Contains(f, formats, StringComparison.Ordinal));
    }

    [Fact]
    public void Tour_lines_are_taken_from_tour_blocks_only_joining_continuations_and_dropping_comments()
    {
        var lines = TourLines("text\n```\n./dala not-this\n```\n```sh tour\n./dala a --x 'b c'   # a comment\n\n./dala d \\\n    --e f\n```\n");
        Assert.Equal(["./dala a --x 'b c'", "./dala d --e f"], lines);
        Assert.Equal(["./dala", "a", "--x", "b c"], Words(lines[0]));
        Assert.Equal(["x.csv", "d/", "p.csv"], Written(["export", "-o", "x.csv", "--out", "d/", "--paths", "p.csv"]));
    }

    /// <summary>The command lines of the README's <c>```sh tour</c> blocks: comments dropped, continued lines joined.</summary>
    public static List<string> TourLines(string readme)
    {
        var lines = new List<string>();
        var inTour = false;
        var pending = new StringBuilder();
        foreach (var raw in readme.ReplaceLineEndings("\n").Split('\n'))
        {
            var t = raw.Trim();
            if (t.StartsWith("```", StringComparison.Ordinal))
            {
                inTour = !inTour && t[3..].Trim() == "sh tour";
                continue;
            }
            if (!inTour) continue;
            var code = StripComment(t);
            if (code.EndsWith('\\'))
            {
                pending.Append(code[..^1].TrimEnd()).Append(' ');
                continue;
            }
            pending.Append(code);
            var line = pending.ToString().Trim();
            pending.Clear();
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }

    /// <summary>A line without its trailing <c># comment</c> (a # inside quotes stays).</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null) { if (c == quote) quote = null; continue; }
            if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i].TrimEnd();
        }
        return line.TrimEnd();
    }

    /// <summary>A command line split into words as a shell would (single and double quotes, no expansions).</summary>
    public static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; inWord = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    /// <summary>The files and folders a command line says it writes (-o, --out, --paths, --geojson, --unmatched-csv).</summary>
    public static List<string> Written(IReadOnlyList<string> args)
    {
        string[] flags = ["-o", "--out", "--paths", "--geojson", "--unmatched-csv", "--rankings"];
        return args.Select((a, i) => (a, i)).Where(x => flags.Contains(x.a) && x.i + 1 < args.Count && args[x.i + 1] != "-")
            .Select(x => args[x.i + 1]).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Dala.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("the repository (Dala.slnx) is not above " + AppContext.BaseDirectory);
    }

    public void Dispose() => _dir.Dispose();
}
