using System.Xml.Linq;

namespace Dala.Architecture.Tests;

/// <summary>What a .csproj declares: project references (by project name), packages and frameworks.</summary>
public sealed record ProjectInfo(string Name, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> Packages, IReadOnlyList<string> Frameworks)
{
    public static ProjectInfo Parse(string name, string xml)
    {
        var doc = XDocument.Parse(xml);
        string[] Attr(string element) => doc.Descendants(element).Select(e => (string?)e.Attribute("Include")).OfType<string>().ToArray();
        return new ProjectInfo(name,
            Attr("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Replace('\\', '/'))).ToArray(),
            Attr("PackageReference"), Attr("FrameworkReference"));
    }

    public static IReadOnlyList<ProjectInfo> LoadSources()
    {
        var src = FindSrc();
        return Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Select(f => Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToArray();
    }

    private static string FindSrc()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Dala.slnx"))) return Path.Combine(d.FullName, "src");
        }
        throw new DirectoryNotFoundException("Dala.slnx not found above " + AppContext.BaseDirectory);
    }
}
