namespace Dala.Web.Dto;

/// <summary>
/// The base the maps draw beneath Dala's layers. kind: offline (outline, neighbours, regions and place labels from this
/// server), pmtiles (url is this server's archive, read with range requests), xyz (url is a {z}/{x}/{y} template) or
/// style (url is a style JSON; its raster sources are drawn). tileType: png, jpeg, webp, avif, mvt, mlt or unknown for
/// PMTiles; raster and MVT tiles are drawn (MVT in a default style, by protomaps-leaflet), other tile types are not (the
/// offline base is) and note says so.
/// </summary>
public sealed record BasemapDto(string Kind, string? Url, string? TileType, int? MinZoom, int? MaxZoom, double[]? Bounds, bool Raster, string? Note);
