using System.Globalization;
using Dala.Events.Disruption;
using Dala.Events.Model;
using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Scenario;

namespace Dala.Events.Synthetic;

/// <summary>
/// The SYNTHETIC demonstration: a concert for 30,000 at Astana Arena (51.1081 N, 71.4021 E) on the last Saturday evening
/// before today (19:00-23:00 Astana time), three synthetic sites around the arena (one per synthetic operator), and
/// synthetic tests in and before the event and in the same hours of the four weeks before, in which Operator B's
/// downloads drop by 60% once the crowd is in. Everything is labelled synthetic.
/// </summary>
public static class AstanaArenaDemo
{
    public const string EventId = "astana-arena-concert";
    public const string SiteSource = "synthetic-event-demo";
    public const int Crowd = 30_000;
    public static readonly LonLat Arena = new(71.4021, 51.1081);

    public static MassEvent Event(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
        while (start.DayOfWeek != DayOfWeek.Saturday || start.AddHours(5) > now) start = start.AddDays(-1);
        return new MassEvent(EventId, "Concert at Astana Arena (SYNTHETIC)", EventPlace.Circle(Arena, 0.4), start, start.AddHours(4), Crowd, true,
            "SYNTHETIC demonstration: not a real event");
    }

    /// <summary>Three synthetic masts around the arena: A 600 m north (4G 1800 x3, 5G 3.5 GHz towards the arena), B 700 m south-west, C 500 m east.</summary>
    public static IReadOnlyList<Site> Sites()
    {
        static Sector L(string id, double az, double mhz, double bw) => new(id, az, 4, mhz, bw, 61, "3gpp", Technology.FourG);
        return
        [
            new Site("syn-arena-a", "synthetic mast north of Astana Arena", Offset(0, 0.6), null, 30, "synthetic-a",
                [L("L18-1", 0, 1800, 20), L("L18-2", 120, 1800, 20), L("L18-3", 240, 1800, 20), new Sector("N35-1", 180, 6, 3500, 100, 70, "3gpp", Technology.FiveG)],
                SiteSource, true),
            new Site("syn-arena-b", "synthetic mast south-west of Astana Arena", Offset(-0.495, -0.495), null, 30, "synthetic-b",
                [L("L18-1", 30, 1800, 20), L("L18-2", 150, 1800, 20), L("L18-3", 270, 1800, 20)], SiteSource, true),
            new Site("syn-arena-c", "synthetic mast east of Astana Arena", Offset(0.5, 0), null, 30, "synthetic-c",
                [L("L8-1", 270, 800, 10), L("L8-2", 30, 800, 10), L("L8-3", 150, 800, 10)], SiteSource, true),
        ];
    }

    public static IReadOnlyList<Operator> Operators => SyntheticScenario.Operators;

    /// <summary>Writes the synthetic operators and masts to the registry (one transaction; the source noted when something changed).</summary>
    public static void PlaceSites(Registry.Store.IRegistryStore store, IClock clock)
    {
        using var w = store.BeginWrite();
        w.UpsertOperators(Operators);
        var sites = Sites();
        w.UpsertSites(sites);
        if (w.HasChanges)
            w.AddSource(new DatasetSource("sites", $"{SiteSource} ({sites.Count} masts around Astana Arena)", SiteSource, DatasetSource.Stamp(clock.Now), sites.Count, true));
        w.Commit();
    }

    /// <summary>The tests, as rows of <see cref="Quality.Synthetic.SyntheticMeasurements.Header"/> (the import layout).</summary>
    public static IEnumerable<string[]> Rows(MassEvent e, int seed = 2026)
    {
        var n = 0;
        foreach (var (t, at) in Tests(e, seed))
        {
            var seconds = 10.0;
            yield return
            [
                t.Id, t.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), F(at.Lon), F(at.Lat), F(t.DownMbps), F(Math.Round(t.DownMbps * 0.3, 3)),
                "30", ((long)(t.DownMbps * 1e6 / 8 * seconds)).ToString(CultureInfo.InvariantCulture), F(seconds), t.OperatorId, "4g", "ndt7-client", "true",
                string.Create(CultureInfo.InvariantCulture, $"2001:db8:ae{n++ % 16:x2}::1"),
            ];
        }
    }

    /// <summary>40 tests per operator and window; Operator B loses 60% of its speed once the crowd is in.</summary>
    public static IReadOnlyList<PlacedTest> Tests(MassEvent e, int seed = 2026) =>
        SyntheticEventTests.Make(e, [.. Operators.Select(o => o.Id)], 40, seed, new Dictionary<string, double> { ["synthetic-b"] = 0.6 }, DisruptionSettings.Default);

    private static LonLat Offset(double eastKm, double northKm) =>
        new(Math.Round(Arena.Lon + eastKm / (111.32 * Math.Cos(GeoMath.ToRad(Arena.Lat))), 6), Math.Round(Arena.Lat + northKm / 110.57, 6));

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
