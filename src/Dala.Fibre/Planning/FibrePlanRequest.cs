using System.Collections.Immutable;
using Dala.Fibre.Roads;
using Dala.Fibre.Steiner;
using Dala.Registry.Model;

namespace Dala.Fibre.Planning;

/// <summary>Where the backbone is taken to be.</summary>
public enum BackboneChoice
{
    /// <summary>Every city and town (they have fibre today).</summary>
    Towns,

    /// <summary>Every settlement whose current status in the registry is fibre.</summary>
    Fibre,

    /// <summary>Both: the cities and towns, and every settlement on fibre now (which then needs no connection).</summary>
    TownsAndFibre,
}

/// <summary>The names of <see cref="BackboneChoice"/> in the CLI, the API and exports.</summary>
public static class BackboneChoices
{
    public static readonly IReadOnlyList<string> WireNames = ["towns", "fibre", "towns-and-fibre"];

    public static string WireName(this BackboneChoice choice) => WireNames[(int)choice];

    /// <summary>The choice a wire name names; null when it names none.</summary>
    public static BackboneChoice? Parse(string? name)
    {
        for (var i = 0; i < WireNames.Count; i++)
            if (string.Equals(WireNames[i], name, StringComparison.Ordinal)) return (BackboneChoice)i;
        return null;
    }

    /// <summary>A phrase for summaries: "cities and towns", ...</summary>
    public static string Describe(this BackboneChoice choice) => choice switch
    {
        BackboneChoice.Towns => "cities and towns",
        BackboneChoice.Fibre => "on fibre now",
        _ => "cities, towns and settlements on fibre now",
    };
}

/// <summary>
/// What to plan: connect every settlement of the chosen kinds with at least <see cref="MinPopulation"/> people
/// (optionally in one region) to the backbone, on the proxy network unless a road network is given.
/// </summary>
public sealed record FibrePlanRequest
{
    public int MinPopulation { get; init; } = 200;

    public ImmutableHashSet<SettlementKind> Kinds { get; init; } = [SettlementKind.Village, SettlementKind.Hamlet];

    public BackboneChoice Backbone { get; init; } = BackboneChoice.Towns;

    /// <summary>Only this region (its settlements, its backbone); null for the whole country.</summary>
    public string? Region { get; init; }

    public double Detour { get; init; } = Proxy.ProxyNetwork.DefaultDetour;

    public CostBook Costs { get; init; } = CostBook.Default;

    public SteinerOptions Solver { get; init; } = DefaultSolver;

    /// <summary>20 s: the national proxy plan (2,203 villages, 7,098 nodes) reaches a gap below 0.1 %.</summary>
    public static SteinerOptions DefaultSolver { get; } = SteinerOptions.Default with { TimeLimit = TimeSpan.FromSeconds(20) };
}
