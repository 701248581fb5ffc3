namespace Dala.Geo.Raster;

/// <summary>One legend entry: a value and its CSS colour ("#rrggbb", or "#rrggbbaa" when not opaque).</summary>
public sealed record LegendStop(double Value, string Colour);

/// <summary>
/// What a web map shows beside a rendered raster: a title, the unit, the ramp's stops (colours blend linearly
/// between them; values beyond the ends take the end colour) and the label for transparent NoData cells.
/// </summary>
public sealed record RasterLegend(string Title, string? Unit, IReadOnlyList<LegendStop> Stops, string NoDataLabel);
