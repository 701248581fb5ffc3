using System.CommandLine;
using System.Globalization;
using Dala.Events.Model;
using Dala.Events.Store;
using Dala.Geo;

namespace Dala.Cli.Commands;

/// <summary>
/// dala events add|list|show|capacity|disruption|demo — mass events: demand against the capacity of the sectors serving the
/// place per operator (with extra carriers and COWs advised), and disruption found in the tests after it. Bad input names
/// the option and the reason and exits 2 with nothing stored.
/// </summary>
public static partial class EventsCommand
{
    public static Command Build(StoreOption store, CliContext ctx) => new("events",
        "Mass events: demand against the capacity of the sectors serving the place (per operator, with extra carriers and COWs advised), " +
        "and disruption after the event found in the speed tests (median drop with a bootstrap interval and Pettitt's change-point test).")
    {
        Add(store, ctx), List(store, ctx), Show(store, ctx), Capacity(store, ctx), Disruption(store, ctx), Demo(store, ctx),
    };

    internal static IEventStore Events(StoreOption store, ParseResult r, CliContext ctx) => StoreOption.Events(store.Open(r, ctx));

    internal static MassEvent Find(IEventStore events, string id) =>
        events.Get(id) ?? throw new CliException($"ID: no event '{id}' (dala events list)", ExitCodes.Rejected);

    private static Command Add(StoreOption store, CliContext ctx)
    {
        var id = new Option<string>("--id") { Description = "The event's id: a-z, 0-9 and '-', at most 64", HelpName = "ID", Required = true };
        var name = new Option<string>("--name") { Description = "What it is called", HelpName = "TEXT", Required = true };
        var lon = new Option<string?>("--lon") { Description = "The place's centre (with --lat and --radius-km)", HelpName = "DEG" };
        var lat = new Option<string?>("--lat") { Description = "The place's centre", HelpName = "DEG" };
        var radius = new Option<string?>("--radius-km") { Description = "The place's radius, 0.05..20 km", HelpName = "KM" };
        var polygon = new Option<string?>("--polygon") { Description = "The place as a polygon instead: \"lon lat, lon lat, lon lat, ...\"", HelpName = "RING" };
        var start = new Option<string>("--start") { Description = "When it starts: ISO 8601 (UTC unless an offset is given, e.g. 2026-11-28T19:00+05:00)", HelpName = "TIME", Required = true };
        var end = new Option<string>("--end") { Description = "When it ends (after the start, at most 14 days later)", HelpName = "TIME", Required = true };
        var crowd = new Option<string>("--crowd") { Description = "Expected people, 1..5,000,000", HelpName = "N", Required = true };
        var synthetic = new Option<bool>("--synthetic") { Description = "Mark the event SYNTHETIC (a made-up one; its checks count synthetic tests)" };
        var note = new Option<string?>("--note") { Description = "A note kept with it", HelpName = "TEXT" };
        var cmd = new Command("add", "Add an event: a place (--lon --lat --radius-km, or --polygon), a start and an end, the expected crowd.")
            { id, name, lon, lat, radius, polygon, start, end, crowd, synthetic, note };
        cmd.SetAction(r =>
        {
            EventPlace place;
            if (r.GetValue(polygon) is { } ring)
            {
                if (r.GetValue(lon) is not null || r.GetValue(lat) is not null || r.GetValue(radius) is not null)
                    throw Rejected("--polygon", "give a polygon or --lon/--lat/--radius-km, not both");
                try
                {
                    place = EventPlace.Area(PlaceJson.ParseRing(ring));
                }
                catch (FormatException bad)
                {
                    throw Rejected("--polygon", bad.Message);
                }
            }
            else
                place = EventPlace.Circle(new LonLat(Number(r.GetValue(lon), "--lon", -180, 180, required: true)!.Value, Number(r.GetValue(lat), "--lat", -90, 90, required: true)!.Value),
                    Number(r.GetValue(radius), "--radius-km", 0.05, 20, required: true)!.Value);
            var e = new MassEvent(r.GetValue(id)!.Trim(), r.GetValue(name)!.Trim(), place, Time(r.GetValue(start)!, "--start"), Time(r.GetValue(end)!, "--end"),
                (int)Number(r.GetValue(crowd), "--crowd", 1, MassEvent.MaxCrowd, required: true, whole: true)!.Value, r.GetValue(synthetic), r.GetValue(note));
            if (e.Problems().FirstOrDefault() is { Field: not null } p) throw Rejected(Option(p.Field), p.Reason);
            var s = store.Open(r, ctx);
            if (!StoreOption.Events(s).Add(e, "cli:" + ctx.OsUser, ctx.Clock.Now)) throw Rejected("--id", $"'{e.Id}' is taken");
            ctx.OutText.WriteLine($"added event {e.Id} ({e.Name}{(e.Synthetic ? ", SYNTHETIC" : "")}) to {s.Describe()}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("list", "The events, latest first: id, name, start, end, crowd, place.");
        cmd.SetAction(r =>
        {
            var events = Events(store, r, ctx).List();
            if (events.Count == 0)
            {
                ctx.OutText.WriteLine("no events: add one with dala events add, or try dala events demo");
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "id", "name", "start (UTC)", "end (UTC)", "crowd", "place", "" }) t.AddColumn(h);
            foreach (var e in events)
                t.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Name), Stamp(e.Start), Stamp(e.End), e.ExpectedCrowd.ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(PlaceText(e.Place)), e.Synthetic ? "SYNTHETIC" : "");
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Show(StoreOption store, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "An event's id (dala events list)" };
        var cmd = new Command("show", "One event: name, place, start, end, crowd, note.") { id };
        cmd.SetAction(r =>
        {
            var e = Find(Events(store, r, ctx), r.GetValue(id)!);
            ctx.OutText.WriteLine($"{e.Id}: {e.Name}{(e.Synthetic ? "   SYNTHETIC" : "")}");
            ctx.OutText.WriteLine($"place: {PlaceText(e.Place)}");
            ctx.OutText.WriteLine($"from {Stamp(e.Start)} to {Stamp(e.End)} UTC ({e.Duration.TotalHours:0.#} h), expected crowd {e.ExpectedCrowd:N0}");
            if (e.Note is { } n) ctx.OutText.WriteLine($"note: {n}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static string PlaceText(EventPlace p) => p.Polygon is { } ring
        ? string.Create(CultureInfo.InvariantCulture, $"polygon of {ring.Count} vertices around {p.Centre}")
        : string.Create(CultureInfo.InvariantCulture, $"{p.Centre}, radius {p.RadiusKm} km");

    internal static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    internal static CliException Rejected(string option, string reason) => new($"{option}: {reason}; nothing was stored", ExitCodes.Rejected);

    /// <summary>The option a domain field comes from.</summary>
    private static string Option(string field) => field switch
    {
        "radius_km" => "--radius-km",
        var f when f.StartsWith("polygon", StringComparison.Ordinal) => "--polygon",
        "place" => "--lon/--lat",
        _ => "--" + field,
    };

    internal static double? Number(string? text, string option, double min, double max, bool required = false, bool whole = false)
    {
        if (text is null)
        {
            if (required) throw Rejected(option, "required");
            return null;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Rejected(option, $"'{text}' is not a number");
        if (v < min || v > max) throw Rejected(option, string.Create(CultureInfo.InvariantCulture, $"{v} is outside {min}..{max}"));
        if (whole && v != Math.Floor(v)) throw Rejected(option, $"'{text}' is not a whole number");
        return v;
    }

    private static DateTimeOffset Time(string text, string option) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : throw Rejected(option, $"'{text}' is not a time (ISO 8601, e.g. 2026-11-28T19:00+05:00)");
}
