using System.Collections.Immutable;
using Dala.Registry.Model;
using Dala.Registry.Query;

namespace Dala.Fibre.Planning;

/// <summary>The settlements a request is about: those to connect, the backbone, and everything in scope.</summary>
public sealed record PlanSelection(ImmutableArray<Settlement> Scope, ImmutableArray<string> Connect, ImmutableArray<string> Backbone, bool Synthetic)
{
    public static PlanSelection Of(RegistryView view, FibrePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Region is { } code && !view.Snapshot.RegionsByCode.ContainsKey(code))
            throw new ArgumentException($"unknown region '{code}'");
        var scope = view.Snapshot.Settlements.Where(s => request.Region is null || s.RegionCode == request.Region).ToImmutableArray();
        static bool IsTown(Settlement s) => s.Kind is SettlementKind.City or SettlementKind.Town;
        bool OnFibre(Settlement s) => view.StatusOf(s.Id).OnFibre;
        bool IsBackbone(Settlement s) => request.Backbone switch
        {
            BackboneChoice.Towns => IsTown(s),
            BackboneChoice.Fibre => OnFibre(s),
            _ => IsTown(s) || OnFibre(s),
        };
        var backbone = scope.Where(IsBackbone).ToArray();
        var connect = scope.Where(s => !IsBackbone(s) && request.Kinds.Contains(s.Kind) && (request.MinPopulation <= 0 || s.Population.Count >= request.MinPopulation));
        var synthetic = request.Backbone != BackboneChoice.Towns && backbone.Any(s => OnFibre(s) && view.StatusOf(s.Id).Synthetic);
        return new PlanSelection(scope, [.. connect.Select(s => s.Id)], [.. backbone.Select(s => s.Id)], synthetic);
    }
}
