using Dala.Quality.Rankings;

namespace Dala.Web.Dto;

/// <summary>One unit in one month of a ranking (rank null: below the sample rule, note says why).</summary>
public sealed record RankingRowDto(string? Region, string? RegionName, string? Operator, int? Rank, int? PreviousRank, int? RankChange,
    double? DownMedianMbps, double? UpMedianMbps, double? LatencyMedianMs, int Tests, int Networks, string? Note)
{
    public static RankingRowDto Of(RankingRow r, Func<string, string?> regionName) => new(r.Region, r.Region is null ? null : regionName(r.Region), r.Operator,
        r.Rank, r.PreviousRank, r.RankChange, R(r.DownMedian), R(r.UpMedian), R(r.LatencyMedian), r.Tests, r.Networks, r.Note);

    internal static double? R(double? v) => v is { } x ? Math.Round(x, 3) : null;
}

public sealed record RankingMonthDto(string Month, int Ranked, IReadOnlyList<RankingRowDto> Rows);

/// <summary>A tile-weighted mean figure (Ookla open data), never a median.</summary>
public sealed record TileFigureDto(string Period, string? Region, string? RegionName, int Tiles, long Tests, double? DownMeanMbps, double? UpMeanMbps, double? LatencyMeanMs, bool Synthetic);

public sealed record TileFiguresDto(string Method, IReadOnlyList<TileFigureDto> Rows);

/// <summary>Rankings per month; synthetic = SYNTHETIC tests were counted (note says so).</summary>
public sealed record RankingsDto(string By, int MinTests, int MinNetworks, bool Synthetic, string? Note, IReadOnlyList<RankingMonthDto> Months, TileFiguresDto Tiles);

public sealed record TrendPointDto(string Month, int Tests, int Networks, double? DownMedianMbps, double? UpMedianMbps, double? LatencyMedianMs, bool MeetsRule);

public sealed record TrendSeriesDto(string Key, string Label, string? Region, string? Operator, IReadOnlyList<TrendPointDto> Points)
{
    public static TrendSeriesDto Of(TrendSeries s, Func<string, string?> regionName)
    {
        var label = s.Region is null && s.Operator is null ? "Kazakhstan" : string.Join(" · ", new[] { s.Region is null ? null : regionName(s.Region) ?? s.Region, s.Operator }.OfType<string>());
        return new(s.Region is null && s.Operator is null ? "country" : $"{s.Region}|{s.Operator}", label, s.Region, s.Operator,
            s.Points.Select(p => new TrendPointDto(p.Month, p.Tests, p.Networks, RankingRowDto.R(p.DownMedian), RankingRowDto.R(p.UpMedian), RankingRowDto.R(p.LatencyMedian), p.MeetsRule)).ToArray());
    }
}

/// <summary>The country line and one line per unit, monthly exact medians.</summary>
public sealed record TrendDto(string By, IReadOnlyList<string> Months, bool Synthetic, string? Note, TrendSeriesDto Country, IReadOnlyList<TrendSeriesDto> Series);
