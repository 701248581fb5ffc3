using Dala.Permits.Analytics;
using Dala.Permits.Model;

namespace Dala.Web.Dto;

/// <summary>A permit request: its stage dates (null: not yet), status (open | on_air), the stage it waits for and who holds it.</summary>
public sealed record PermitRequestDto(string RequestId, string Operator, string Region, DateOnly Opened, double? Lon, double? Lat, string? SiteId,
    DateOnly? LandAllotted, DateOnly? PowerConnected, DateOnly? DesignApproved, DateOnly? PermitIssued, DateOnly? Built, DateOnly? OnAir,
    string Status, string? Waiting, string? HeldBy, DateOnly WaitingSince);

public sealed record PermitStageDto(string Key, string Name, int SlaDays, string Holder);

public sealed record SurvivalStepDto(int Day, int AtRisk, int Events, double Survival);

public sealed record SurvivalCurveDto(string Group, int N, int Events, int Censored, int? MedianDays, SurvivalStepDto[] Rows);

/// <summary>Kaplan-Meier curves of days from opened to on air; requests opened after the as-of date are left out (counted), the rest censored there.</summary>
public sealed record PermitSurvivalDto(DateOnly AsOf, string By, int LeftOutOpenedAfter, string[] Notes, SurvivalCurveDto[] Curves);

public sealed record FunnelStepDto(string Stage, string Name, int Reached);

public sealed record StageDurationDto(string Region, string Stage, string Name, int N, double MedianDays, double P90Days, int SlaDays, bool MedianOverSla);

/// <summary>Days per stage per region (KZ: the country) and the funnel (how many requests reached each stage) of the region asked, or all.</summary>
public sealed record PermitStagesDto(DateOnly AsOf, string? Region, PermitStageDto[] Stages, FunnelStepDto[] Funnel, StageDurationDto[] Durations);

public sealed record OverdueDto(string RequestId, string Operator, string Region, string Stage, string StageName, string Holder, DateOnly WaitingSince,
    int DaysWaiting, int SlaDays, int DaysOver);

public sealed record PermitForecastDto(string RequestId, string Operator, string Region, DateOnly Opened, int DaysWaited, string Waiting, DateOnly? OnAir,
    string Basis, string Note);

public sealed record OfferedSiteDto(string SiteId, string Region, string Name, double Lon, double Lat, DateOnly Offered, string OfferedBy, string? Building, string? TakenBy);

public static class PermitDtoMapping
{
    public static PermitRequestDto ToDto(this PermitRequest r, PermitStages stages) =>
        new(r.RequestId, r.Operator, r.Region, r.Opened, r.Lon, r.Lat, r.SiteId, r.LandAllotted, r.PowerConnected, r.DesignApproved, r.PermitIssued, r.Built,
            r.OnAir, r.Status, r.Waiting, r.Waiting is { } w ? stages[w].Holder : null, r.WaitingSince);

    public static PermitSurvivalDto ToDto(this SurvivalResult s) =>
        new(s.AsOf, s.By, s.LeftOutOpenedAfter, [.. s.Notes()],
            [.. s.Curves.Select(c => new SurvivalCurveDto(c.Group, c.N, c.Events, c.Censored, c.Median, [.. c.Rows.Select(r => new SurvivalStepDto(r.Day, r.AtRisk, r.Events, r.Survival))]))]);

    public static PermitStageDto ToDto(this StageDef s) => new(s.Key, s.Name, s.SlaDays, s.Holder);

    public static StageDurationDto ToDto(this StageDuration d) => new(d.Region, d.Stage, d.Name, d.N, d.Median, d.P90, d.SlaDays, d.MedianOverSla);

    public static OverdueDto ToDto(this OverdueRequest o) =>
        new(o.RequestId, o.Operator, o.Region, o.Stage, o.StageName, o.Holder, o.WaitingSince, o.DaysWaiting, o.SlaDays, o.DaysOver);

    public static PermitForecastDto ToDto(this PermitForecast f) => new(f.RequestId, f.Operator, f.Region, f.Opened, f.DaysWaited, f.Waiting, f.OnAir, f.Basis, f.Note);

    public static OfferedSiteDto ToDto(this OfferedSite s) => new(s.SiteId, s.Region, s.Name, s.Lon, s.Lat, s.Offered, s.OfferedBy, s.Building, s.TakenBy);
}
