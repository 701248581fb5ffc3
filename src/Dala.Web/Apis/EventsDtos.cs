using Dala.Events.Capacity;
using Dala.Events.Disruption;
using Dala.Events.Model;

namespace Dala.Web.Apis;

/// <summary>A place: type circle (lon, lat, radiusKm) or polygon (coordinates [[lon, lat], ...]).</summary>
public sealed record EventPlaceDto(string Type, double Lon, double Lat, double? RadiusKm, double[][]? Coordinates);

public sealed record EventDto(string Id, string Name, EventPlaceDto Place, DateTimeOffset Start, DateTimeOffset End, int Crowd, bool Synthetic, string? Note);

public sealed record OperatorCapacityDto(string Operator, double DemandShare, double DemandMbps, int Sectors, double CapacityMbps, double DeficitMbps,
    int ExtraCarriers, int Cows, int CowsAlone, double AddedMbps);

public sealed record ServingSectorDto(string Site, string Sector, string Operator, string Technology, double BandwidthMHz, double DistanceKm, double CapacityMbps, bool Synthetic);

public sealed record EventCapacityDto(string EventId, bool Synthetic, double TotalDemandMbps, double DeficitMbps, string Split, double ExtraCarrierMbps, double CowMbps,
    OperatorCapacityDto[] Operators, ServingSectorDto[] Sectors, string[] Assumptions);

public sealed record StreamPointDto(DateTimeOffset T, double Down, bool During);

public sealed record OperatorDisruptionDto(string Operator, string Verdict, bool Flagged, int EventTests, int BaselineTests, double? EventMedianMbps,
    double? BaselineMedianMbps, double? DropMbps, double? DropLow, double? DropHigh, double? DropShare, int StreamTests, double? PettittP, DateTimeOffset? ChangeAt,
    StreamPointDto[] Stream);

public sealed record EventDisruptionDto(string EventId, bool Synthetic, DateTimeOffset Start, DateTimeOffset End, double Alpha, int BaselineWeeks, string Rule,
    OperatorDisruptionDto[] Operators);

internal static class EventsDtoMapping
{
    public static EventDto ToDto(this MassEvent e) => new(e.Id, e.Name,
        e.Place.Polygon is { } ring
            ? new EventPlaceDto("polygon", e.Place.Centre.Lon, e.Place.Centre.Lat, null, [.. ring.Select(p => new[] { p.Lon, p.Lat })])
            : new EventPlaceDto("circle", e.Place.Centre.Lon, e.Place.Centre.Lat, e.Place.RadiusKm, null),
        e.Start, e.End, e.ExpectedCrowd, e.Synthetic, e.Note);

    public static EventCapacityDto ToDto(this EventCapacity c) => new(c.EventId, c.Synthetic, c.TotalDemandMbps, c.DeficitMbps,
        c.Demand.Split == DemandSplit.Equal ? "equal" : "market-share", c.Capacity.ExtraCarrierMbps, c.Capacity.CowMbps,
        [.. c.Operators.Select(o => new OperatorCapacityDto(o.OperatorId, o.DemandShare, o.DemandMbps, o.Sectors, o.CapacityMbps, o.DeficitMbps, o.ExtraCarriers, o.Cows, o.CowsAlone, o.AddedMbps))],
        [.. c.Sectors.Select(s => new ServingSectorDto(s.SiteId, s.SectorId, s.OperatorId, Registry.Model.Technologies.WireName(s.Technology), s.BandwidthMHz, s.DistanceKm, s.CapacityMbps, s.Synthetic))],
        [.. c.Assumptions]);

    public static EventDisruptionDto ToDto(this EventDisruption d) => new(d.EventId, d.Synthetic, d.Start, d.End, d.Settings.Alpha, d.Settings.BaselineWeeks, d.Rule,
        [.. d.Operators.Select(o => new OperatorDisruptionDto(o.OperatorId, o.Verdict, o.Flagged, o.EventTests, o.BaselineTests, o.EventMedian, o.BaselineMedian,
            o.Drop?.Drop, o.Drop?.Low, o.Drop?.High, o.DropShare, o.StreamTests, o.ChangeP, o.ChangeAt,
            [.. o.Stream.Select(t => new StreamPointDto(t.Time, t.DownMbps, t.Time >= d.Start))]))]);
}
