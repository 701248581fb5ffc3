using System.Text.Json;
using Dala.Fibre.Planning;
using Dala.Fibre.Roads;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Web.Http;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Apis;

/// <summary>
/// The parameters of a fibre plan, normalised (defaults filled, kinds sorted): the input of a `fibre` job, as JSON, and
/// so its key. Read from a query string by <see cref="Read"/>; made into the planner's request by <see cref="Request"/>.
/// </summary>
internal sealed record FibreQuery(string? Region, int MinPopulation, string[] Kinds, string Backbone, double Detour, int Seconds, int Seed)
{
    public static readonly string[] Known = ["region", "minPopulation", "kinds", "backbone", "detour", "seconds", "seed", "paths"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The query's parameters, or the problems with them (unknown ones included) in <paramref name="q"/>.</summary>
    public static FibreQuery? Read(QueryReader q, RegistrySnapshot snapshot)
    {
        var region = q.Text("region");
        var minPopulation = q.Int("minPopulation", 0, 10_000_000) ?? 200;
        var kinds = q.ListOf("kinds", ["city", "town", "village", "hamlet"]) ?? new HashSet<string> { "village", "hamlet" };
        var backbone = q.OneOf("backbone", [.. BackboneChoices.WireNames]) ?? "towns";
        var detour = q.Double("detour", 1, 5) ?? 1.2;
        var seconds = q.Int("seconds", 1, 60) ?? 10;
        var seed = q.Int("seed", int.MinValue, int.MaxValue) ?? 1;
        q.OneOf("paths", ["true", "false"]);
        if (region is not null && !snapshot.RegionsByCode.ContainsKey(region)) q.Error<object>("region", $"unknown region '{region}'");
        return q.HasErrors ? null : new FibreQuery(region, minPopulation, [.. kinds.Order(StringComparer.Ordinal)], backbone, detour, seconds, seed);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FibreQuery FromJson(string json) =>
        JsonSerializer.Deserialize<FibreQuery>(json, Json) ?? throw new InvalidOperationException("a fibre job without its parameters");

    public FibrePlanRequest Request() => new()
    {
        Region = Region, MinPopulation = MinPopulation, Kinds = [.. Kinds.Select(k => SettlementKinds.Parse(k)!.Value)],
        Backbone = BackboneChoices.Parse(Backbone)!.Value, Detour = Detour,
        Solver = FibrePlanRequest.DefaultSolver with { TimeLimit = TimeSpan.FromSeconds(Seconds), Seed = Seed },
    };
}
