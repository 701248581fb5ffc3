using Dala.Registry.Indicators;

namespace Dala.Web.Dto;

/// <summary>One indicator value as the API gives it (region "KZ" for the country).</summary>
public sealed record IndicatorValueDto(string Region, DateOnly Date, double Value, string Source, string? SourceUrl, bool Derived, bool Synthetic, string? Note)
{
    public static IndicatorValueDto Of(IndicatorPoint p) =>
        new(p.Region.Length == 0 ? "KZ" : p.Region, p.Date, p.Value, p.Source, p.SourceUrl, p.Derived, p.Synthetic, p.Note);
}

/// <summary>An indicator with its target and its latest reported and derived value in one region.</summary>
public sealed record IndicatorDto(string Id, string Name, string Unit, double? Target, DateOnly? TargetDate, string? TargetSource, bool Synthetic,
    IndicatorValueDto? LatestReported, IndicatorValueDto? LatestDerived)
{
    public static IndicatorDto Of(IndicatorSeries s, string region)
    {
        var i = s.Indicator;
        var own = s.For(region);
        return new(i.Id, i.Name, i.Unit, i.Target, i.TargetDate, i.TargetSource, own.Synthetic,
            own.Latest(region, false) is { } r ? IndicatorValueDto.Of(r) : null, own.Latest(region, true) is { } d ? IndicatorValueDto.Of(d) : null);
    }
}

/// <summary>One indicator's values in one region, oldest first.</summary>
public sealed record IndicatorSeriesDto(IndicatorDto Indicator, string Region, IReadOnlyList<IndicatorValueDto> Values);

/// <summary>What an upload stored: rows read, values new or changed, values unchanged.</summary>
public sealed record IndicatorImportDto(string File, int Read, int Stored, int Unchanged);
