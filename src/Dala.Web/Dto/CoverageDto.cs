namespace Dala.Web.Dto;

public sealed record CoverageRunDto(
    long Id,
    DateTimeOffset CreatedAt,
    string Model,
    bool TerrainUsed,
    bool Synthetic,
    string Assumptions,
    int Sites,
    int Settlements,
    int Covered,
    int Meets100Mbps,
    int Roads,
    double RoadKm,
    double RoadCoveredKm,
    CoverageRasterDto? Raster);

public sealed record CoverageRasterDto(double West, double South, double East, double North, int Width, int Height, double CellDeg,
    string PngUrl, string GeoTiffUrl, System.Text.Json.JsonElement Legend);

public sealed record SettlementCoverageDto(
    string SettlementId,
    string Name,
    string Region,
    double Lon,
    double Lat,
    int? Population,
    string? SiteId,
    string? SectorId,
    double? RsrpDbm,
    double? SinrDb,
    double? PeakMbps,
    double? BusyHourMbps,
    bool Covered,
    bool Meets100Mbps,
    bool TerrainUsed,
    bool Synthetic);
