namespace Dala.Registry.Store;

/// <summary>A settlement and its great-circle distance from a point.</summary>
public readonly record struct Nearby(string SettlementId, double DistanceKm);
