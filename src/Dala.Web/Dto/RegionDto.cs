namespace Dala.Web.Dto;

public sealed record RegionDto(string Code, string Name, NamesDto Names, int SettlementCount, long Population, bool HasPolygon);
