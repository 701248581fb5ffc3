namespace Dala.Fibre.Roads;

/// <summary>
/// The kind of line a fibre route can follow: OSM highway classes (a <c>_link</c> counts as its road's class)
/// and <c>railway=rail</c>.
/// </summary>
public enum RoadClass : byte
{
    Motorway,
    Trunk,
    Primary,
    Secondary,
    Tertiary,
    Unclassified,
    Residential,
    LivingStreet,
    Service,
    Track,
    Rail,
}

/// <summary>How fibre is built along a class of line, which sets its cost per km in a <see cref="CostBook"/>.</summary>
public enum CostClass : byte
{
    /// <summary>Trench or duct in the verge of a paved main road (motorway to tertiary).</summary>
    PavedRoad,

    /// <summary>Trench along a minor road (unclassified, residential, living street, service).</summary>
    MinorRoad,

    /// <summary>Aerial cable on poles along an unpaved track.</summary>
    Track,

    /// <summary>Cable trough or duct in a railway's right of way.</summary>
    Rail,

    /// <summary>A straight cross-country line from a settlement or point of presence to the nearest road node.</summary>
    Connector,
}

public static class RoadClasses
{
    /// <summary>The class of an OSM <c>highway=*</c> value (links count as their road), or null when not a road class here.</summary>
    public static RoadClass? FromHighway(string? value) => value switch
    {
        "motorway" or "motorway_link" => RoadClass.Motorway,
        "trunk" or "trunk_link" => RoadClass.Trunk,
        "primary" or "primary_link" => RoadClass.Primary,
        "secondary" or "secondary_link" => RoadClass.Secondary,
        "tertiary" or "tertiary_link" => RoadClass.Tertiary,
        "unclassified" => RoadClass.Unclassified,
        "residential" => RoadClass.Residential,
        "living_street" => RoadClass.LivingStreet,
        "service" => RoadClass.Service,
        "track" => RoadClass.Track,
        _ => null,
    };

    public static CostClass CostClass(this RoadClass road) => road switch
    {
        <= RoadClass.Tertiary => Roads.CostClass.PavedRoad,
        <= RoadClass.Service => Roads.CostClass.MinorRoad,
        RoadClass.Track => Roads.CostClass.Track,
        _ => Roads.CostClass.Rail,
    };
}
