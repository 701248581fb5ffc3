using Dala.Registry.Model;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Status;

namespace Dala.Web.Dto;

/// <summary>Domain values to API shapes.</summary>
public static class DtoMapping
{
    public static SettlementDto ToDto(this SettlementSummary r) => Fill(new SettlementDto(), r);

    public static T Fill<T>(T dto, SettlementSummary r) where T : SettlementDto
    {
        var s = r.Settlement;
        return dto with
        {
            Id = s.Id,
            Name = s.Name.Local,
            Names = NamesDto.Of(s.Name),
            Kind = s.Kind.WireName(),
            Population = s.Population.Count,
            PopulationSource = s.Population.Source,
            Lon = s.Location.Lon,
            Lat = s.Location.Lat,
            Region = s.RegionCode,
            RegionName = r.RegionName,
            KatoCode = s.KatoCode,
            Technology = r.Status.TechnologyName,
            MaxDownMbps = r.Status.MaxDownMbps,
            Meets100Mbps = r.Status.Meets100Mbps,
            Synthetic = r.Status.Synthetic,
        };
    }

    public static ConnectivityRecordDto ToDto(this ConnectivityRecord c, IReadOnlyDictionary<string, Operator> operators) =>
        new(c.Technology.WireName(), c.OperatorId, c.OperatorId is { } id && operators.TryGetValue(id, out var o) ? o.Name : c.OperatorId,
            c.DownMbps, c.UpMbps, c.AsOf, c.Source, c.Synthetic);

    public static StatusDto ToDto(this CurrentStatus s, IReadOnlyDictionary<string, Operator> operators) =>
        new(s.TechnologyName, s.MaxDownMbps, s.Meets100Mbps, s.AsOf, s.Active.Select(a => a.ToDto(operators)).ToArray());

    public static ShareDto ToDto(this ShareOf s) =>
        new(s.Settlements, s.Share, s.PopulationShare is null ? null : s.Population, s.PopulationShare);

    public static FiguresDto ToDto(this ProgressFigures f) =>
        new(f.Settlements, f.PopulationIsKnown ? f.Population : null, f.PopulationKnown, f.PopulationBase(), f.Unknown,
            f.Fibre.ToDto(), f.Broadband.ToDto(), f.Mbps100.ToDto());

    public static RegionFiguresDto ToDto(this RegionProgress r)
    {
        var f = r.Figures;
        return new(r.Code, r.Name, f.Settlements, f.PopulationIsKnown ? f.Population : null, f.PopulationKnown, f.PopulationBase(), f.Unknown,
            f.Fibre.ToDto(), f.Broadband.ToDto(), f.Mbps100.ToDto());
    }

    public static TargetDto ToDto(this TargetStatus t) =>
        new(t.Target.Id, t.Target.Label, t.Target.Metric, t.Target.Share, t.Target.By, t.Current, t.Met, t.Projected);
}
