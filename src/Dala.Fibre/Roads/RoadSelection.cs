using Dala.Fibre.Osm;

namespace Dala.Fibre.Roads;

/// <summary>
/// Which ways become part of the road network: a set of <see cref="RoadClass"/>es. <see cref="Default"/> is the
/// roads fibre is normally laid along (motorway to tertiary with their links, unclassified, residential);
/// tracks, service roads and railways are opt-in.
/// </summary>
public readonly record struct RoadSelection
{
    private readonly uint _mask;

    private RoadSelection(uint mask) => _mask = mask;

    public static RoadSelection Default { get; } = Of(
        RoadClass.Motorway, RoadClass.Trunk, RoadClass.Primary, RoadClass.Secondary, RoadClass.Tertiary,
        RoadClass.Unclassified, RoadClass.Residential);

    /// <summary>The default roads plus <c>railway=rail</c>.</summary>
    public static RoadSelection DefaultWithRail { get; } = Default.With(RoadClass.Rail);

    public static RoadSelection Of(params ReadOnlySpan<RoadClass> classes)
    {
        var s = new RoadSelection(0);
        foreach (var c in classes) s = s.With(c);
        return s;
    }

    public bool Contains(RoadClass c) => (_mask & Bit(c)) != 0;

    public RoadSelection With(RoadClass c) => new(_mask | Bit(c));

    public RoadSelection Without(RoadClass c) => new(_mask & ~Bit(c));

    public IEnumerable<RoadClass> Classes => Enum.GetValues<RoadClass>().Where(Contains);

    /// <summary>The class of a way with these tags if it is selected: its highway class first, else railway=rail.</summary>
    public RoadClass? Classify(OsmTags tags)
    {
        if (tags.Count == 0) return null;
        if (RoadClasses.FromHighway(tags["highway"]) is { } road && Contains(road)) return road;
        return Contains(RoadClass.Rail) && tags["railway"] == "rail" ? RoadClass.Rail : null;
    }

    public override string ToString() => string.Join(",", Classes);

    private static uint Bit(RoadClass c) =>
        Enum.IsDefined(c) ? 1u << (int)c : throw new ArgumentOutOfRangeException(nameof(c), $"unknown road class {(int)c}");
}
