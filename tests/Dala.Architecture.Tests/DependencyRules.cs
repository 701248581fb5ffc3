namespace Dala.Architecture.Tests;

/// <summary>
/// What may depend on what (ARCHITECTURE.md): Geo at the bottom; domain modules on Geo and the modules below
/// them only, never on storage, ASP.NET, System.CommandLine or Spectre.Console; storage on the domain; Web and
/// Cli compose and nothing depends on them (but Cli on Web, to host it).
/// </summary>
public static class DependencyRules
{
    public static readonly string[] Domain = ["Dala.Registry", "Dala.Radio", "Dala.Fibre", "Dala.Rollout", "Dala.Quality", "Dala.Permits", "Dala.Events", "Dala.Platform"];

    /// <summary>The domain modules each domain module may use (besides Dala.Geo).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DomainBelow = new Dictionary<string, string[]>
    {
        ["Dala.Registry"] = [],
        ["Dala.Radio"] = ["Dala.Registry"],
        ["Dala.Fibre"] = ["Dala.Registry"],
        ["Dala.Rollout"] = ["Dala.Registry", "Dala.Radio", "Dala.Fibre"],
        ["Dala.Quality"] = ["Dala.Registry"],
        ["Dala.Permits"] = ["Dala.Registry"],
        ["Dala.Events"] = ["Dala.Registry", "Dala.Radio", "Dala.Quality"],
        ["Dala.Platform"] = [],
    };

    public static readonly string[] DomainPackages = ["NetTopologySuite", "ProjNET", "MathNet.Numerics"];

    /// <summary>
    /// Packages one domain module may use beyond <see cref="DomainPackages"/>: the rollout planner solves MIPs and LPs
    /// with Google OR-Tools (a math library: no I/O, no host), which brings Google.Protobuf; accounts hash passwords with
    /// ASP.NET Core Identity's PasswordHasher (Microsoft.Extensions.Identity.Core: a hashing library, no host).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ModulePackages = new Dictionary<string, string[]>
    {
        ["Dala.Rollout"] = ["Google.OrTools", "Google.Protobuf"],
        ["Dala.Platform"] = ["Microsoft.Extensions.Identity.Core"],
    };

    /// <summary>Every violation of the rules by one project, as readable sentences.</summary>
    public static IEnumerable<string> Violations(ProjectInfo p)
    {
        var name = p.Name;
        if (name == "Dala.Geo")
        {
            foreach (var r in p.ProjectReferences) yield return $"Dala.Geo references {r}: it must depend on nothing of ours";
            foreach (var pkg in p.Packages.Where(x => x is not ("NetTopologySuite" or "ProjNET")))
                yield return $"Dala.Geo uses package {pkg}: only the base library, NetTopologySuite and ProjNET";
            foreach (var f in p.Frameworks) yield return $"Dala.Geo references framework {f}";
        }
        else if (DomainBelow.TryGetValue(name, out var below))
        {
            foreach (var r in p.ProjectReferences.Where(r => r != "Dala.Geo" && !below.Contains(r)))
                yield return $"{name} references {r}: a domain module may use Dala.Geo and {(below.Length == 0 ? "no other module" : string.Join(", ", below))} only";
            var extra = ModulePackages.GetValueOrDefault(name, []);
            foreach (var pkg in p.Packages.Where(x => !DomainPackages.Contains(x) && !extra.Contains(x)))
                yield return $"{name} uses package {pkg}: the domain stays free of I/O, storage and host libraries";
            foreach (var f in p.Frameworks) yield return $"{name} references framework {f}: the domain knows nothing of hosts";
        }
        else if (name.StartsWith("Dala.Storage.", StringComparison.Ordinal))
        {
            foreach (var r in p.ProjectReferences.Where(r => r != "Dala.Geo" && !Domain.Contains(r)))
                yield return $"{name} references {r}: storage implements the domain's interfaces and depends on nothing else of ours";
            foreach (var f in p.Frameworks) yield return $"{name} references framework {f}";
        }
        else if (name == "Dala.Web")
        {
            foreach (var r in p.ProjectReferences.Where(r => r is "Dala.Cli"))
                yield return "Dala.Web references Dala.Cli: nothing depends on a composition root";
        }
        else if (name != "Dala.Cli")
        {
            yield return $"{name} is not a known kind of project: add it to the rules and to ARCHITECTURE.md";
        }
    }
}
