using NetTopologySuite.Geometries;

namespace Dala.Registry.Model;

/// <summary>A first-level administrative unit (oblast or city of republican significance).</summary>
/// <param name="Code">Stable code; ISO 3166-2 for Kazakhstan (KZ-11 ...), whose digits are the KATO prefix.</param>
/// <param name="Area">Polygon or multipolygon, or null when only the name is known.</param>
public sealed record Region(string Code, Names Name, Geometry? Area, string Source);
