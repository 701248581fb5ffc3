using System.Collections.Immutable;

namespace Dala.Rollout.Giga.Input;

/// <summary>A location to connect (Giga calls every location a school). Coordinates in WGS84 degrees.</summary>
public sealed record GigaSchool(string Id, double Lat, double Lon, bool HasElectricity, int Students, double DemandMbps);

/// <summary>A fibre point of presence: a root of the fibre network.</summary>
public sealed record FibrePop(string Id, double Lat, double Lon);

/// <summary>A cell tower with the radio technologies it carries (e.g. 4G, LTE).</summary>
public sealed record CellTower(string Id, string Operator, double Lat, double Lon, double HeightM, ImmutableArray<string> Technologies);

/// <summary>The three input tables of a Giga case, in file order.</summary>
public sealed record GigaCase(ImmutableArray<GigaSchool> Schools, ImmutableArray<FibrePop> Pops, ImmutableArray<CellTower> Towers);

/// <summary>Input that cannot be used: the message names the file, line or JSON path, the field and the reason.</summary>
public sealed class GigaInputException(string message) : Exception(message);
