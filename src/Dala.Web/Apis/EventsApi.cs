using System.Globalization;
using System.Text.Json;
using Dala.Events.Capacity;
using Dala.Events.Disruption;
using Dala.Events.Model;
using Dala.Events.Store;
using Dala.Geo;
using Dala.Web.Auth;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Dala.Web.Apis;

/// <summary>
/// Mass events: listed, read, added (analysts), the capacity check per operator (demand against the serving sectors, with
/// extra carriers and COWs advised) and the disruption found after the event in the speed tests. SYNTHETIC events and
/// results carry synthetic = true. Answers 503 when the host keeps no events.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", List).TakesQuery().WithName("GetEvents").WithTags("Events")
            .WithSummary("Mass events, latest first (synthetic ones flagged)")
            .Produces<EventDto[]>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/events/{id}", Get).TakesQuery().WithName("GetEvent").WithTags("Events")
            .WithSummary("One event: place, start, end, expected crowd")
            .Produces<EventDto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/events/{id}/capacity", Capacity).WithName("GetEventCapacity").WithTags("Events")
            .WithSummary("Demand against the capacity of the sectors serving the place, per operator (equal split between the operators with sites): deficit, extra carriers, COWs")
            .WithDescription("Query: shareActive (0..1, default 0.156), mbpsPerUser (default 0.326), load (0..0.99, default 0.5), reachKm (0..20, default 1). " +
                             "Every default is cited in the answer's assumptions.")
            .Produces<EventCapacityDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/events/{id}/disruption", Disruption).WithName("GetEventDisruption").WithTags("Events")
            .WithSummary("Disruption after the event per operator: median download drop against the same hours of earlier weeks with a bootstrap interval, Pettitt's change point")
            .WithDescription("Query: weeks (1..12, default 4), alpha (0.001..0.2, default 0.05), seed (default 2026), format=csv (the evidence per operator).")
            .Produces<EventDisruptionDto>(StatusCodes.Status200OK).AlsoProduces(CsvResult.ContentType).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/events", Add).WithName("AddEvent").WithTags("Events")
            .WithSummary("Add an event (201); 409 when the id is taken")
            .WithDescription("Body: id, name, place {type: circle, lon, lat, radiusKm | type: polygon, coordinates [[lon, lat], ...]}, start, end (ISO 8601 with offset), " +
                             "crowd, synthetic, note. 400: malformed JSON or wrong types; 422: invalid values; errors name each field.")
            .DocumentsJsonBody(Schema)
            .Produces<EventDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static IResult List(DalaWebSettings settings) =>
        settings.Events is { } store ? Results.Ok(store.List().Select(e => e.ToDto()).ToArray()) : NoEvents();

    private static IResult Get(string id, DalaWebSettings settings) =>
        settings.Events is not { } store ? NoEvents() : store.Get(id) is { } e ? Results.Ok(e.ToDto()) : NotFound(id);

    private static IResult Capacity(string id, HttpRequest request, DalaWebSettings settings, RegistryViews views)
    {
        var q = new QueryReader(request.Query, ["shareActive", "mbpsPerUser", "load", "reachKm"]);
        var share = q.Double("shareActive", 1e-6, 1);
        var mbps = q.Double("mbpsPerUser", 1e-6, 10_000);
        var load = q.Double("load", 0, 0.99);
        var reach = q.Double("reachKm", 0, 20);
        if (q.HasErrors) return q.Problem();
        if (settings.Events is not { } store) return NoEvents();
        if (store.Get(id) is not { } e) return NotFound(id);
        var d = DemandAssumptions.Default;
        var c = CapacityAssumptions.Default;
        d = d with { ShareActive = share ?? d.ShareActive, MbpsPerActiveUser = mbps ?? d.MbpsPerActiveUser };
        c = c with { ExistingLoad = load ?? c.ExistingLoad, ReachKm = reach ?? c.ReachKm };
        return Results.Ok(EventCapacityRun.Run(e, views.Current().Snapshot, d, c).ToDto());
    }

    private static IResult Disruption(string id, HttpRequest request, DalaWebSettings settings)
    {
        var q = new QueryReader(request.Query, ["weeks", "alpha", "seed", "format"]);
        var weeks = q.Int("weeks", 1, 12);
        var alpha = q.Double("alpha", 0.001, 0.2);
        var seed = q.Int("seed", int.MinValue, int.MaxValue);
        var format = q.OneOf("format", ["json", "csv"]);
        if (q.HasErrors) return q.Problem();
        if (settings.Events is not { } store || settings.Measurements is not { } measurements) return NoEvents();
        if (store.Get(id) is not { } e) return NotFound(id);
        var s = DisruptionSettings.Default;
        s = s with { BaselineWeeks = weeks ?? s.BaselineWeeks, Alpha = alpha ?? s.Alpha, Seed = seed ?? s.Seed };
        var d = DisruptionDetector.Run(measurements, e, s);
        return format == "csv" ? CsvResult.Of(w => DisruptionCsv.Write(w, d), $"{e.Id}-disruption.csv") : Results.Ok(d.ToDto());
    }

    private static async Task<IResult> Add(HttpContext http, DalaWebSettings settings, CancellationToken cancel)
    {
        if (settings.Events is not { } store) return NoEvents();
        var body = await JsonBody.ReadAsync(http.Request, 64 * 1024, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object");
            return errors.Problem("Invalid event");
        }
        var f = new JsonFields(doc.RootElement, "", errors, [.. Schema.Properties!.Keys]);
        var id = f.String("id", required: true);
        var name = f.String("name", required: true);
        var start = Time(f, "start", errors);
        var end = Time(f, "end", errors);
        var crowd = f.Int("crowd", 1, MassEvent.MaxCrowd);
        if (f.Get("crowd") is null) errors.Invalid("crowd", "required");
        var place = Place(f, errors);
        if (errors.Any) return errors.Problem("Invalid event");
        var e = new MassEvent(id!.Trim(), name!.Trim(), place!, start!.Value, end!.Value, crowd!.Value, f.Bool("synthetic") ?? false, f.String("note"));
        foreach (var (field, reason) in e.Problems()) errors.Invalid(Json(field), reason);
        if (errors.Any) return errors.Problem("Invalid event");
        if (!store.Add(e, http.Principal()?.Actor ?? "anonymous", settings.Clock.Now))
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Event exists", detail: $"an event '{e.Id}' exists; nothing was stored");
        return Results.Created($"/api/events/{e.Id}", e.ToDto());
    }

    private static EventPlace? Place(JsonFields f, BodyErrors errors)
    {
        if (f.Get("place") is not { } p)
        {
            errors.Invalid("place", "required");
            return null;
        }
        if (p.ValueKind != JsonValueKind.Object)
        {
            f.Wrong("place", "an object");
            return null;
        }
        var g = new JsonFields(p, "place", errors, ["type", "lon", "lat", "radiusKm", "coordinates"]);
        var type = g.String("type", required: true);
        if (type == "circle")
        {
            var lon = g.Number("lon", -180, 180);
            var lat = g.Number("lat", -90, 90);
            var r = g.Number("radiusKm", 0.05, 20);
            foreach (var n in new[] { "lon", "lat", "radiusKm" })
                if (g.Get(n) is null) errors.Invalid("place." + n, "required");
            return lon is { } x && lat is { } y && r is { } km ? EventPlace.Circle(new LonLat(x, y), km) : null;
        }
        if (type == "polygon")
        {
            if (g.Get("coordinates") is not { ValueKind: JsonValueKind.Array } ring)
            {
                errors.WrongShape("place.coordinates", "expected an array of [lon, lat] pairs");
                return null;
            }
            var points = new List<LonLat>();
            var i = 0;
            foreach (var pair in ring.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[0].ValueKind != JsonValueKind.Number || pair[1].ValueKind != JsonValueKind.Number)
                {
                    errors.WrongShape($"place.coordinates[{i}]", "expected [lon, lat]");
                    return null;
                }
                points.Add(new LonLat(pair[0].GetDouble(), pair[1].GetDouble()));
                i++;
            }
            return EventPlace.Area(points);
        }
        if (type is not null) errors.Invalid("place.type", $"'{type}' is not circle or polygon");
        return null;
    }

    private static DateTimeOffset? Time(JsonFields f, string name, BodyErrors errors)
    {
        if (f.String(name, required: true) is not { } s) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
        errors.Invalid(name, $"'{s}' is not an ISO 8601 time");
        return null;
    }

    private static string Json(string field) => field switch
    {
        "radius_km" => "place.radiusKm",
        var p when p.StartsWith("polygon", StringComparison.Ordinal) => "place.coordinates" + p["polygon".Length..],
        _ => field,
    };

    private static IResult NoEvents() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No event store",
        detail: "This server keeps no mass events.");

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event", detail: $"no event '{id}'");

    private static readonly OpenApiSchema Schema = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "id", "name", "place", "start", "end", "crowd" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = Text("a-z, 0-9 and '-', at most 64"),
            ["name"] = Text("what it is called"),
            ["place"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "circle: lon, lat, radiusKm (0.05..20); polygon: coordinates [[lon, lat], ...] (3..1000 vertices)",
                Required = new HashSet<string> { "type" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["circle", "polygon"] },
                    ["lon"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                    ["lat"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                    ["radiusKm"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                    ["coordinates"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Number } },
                    },
                },
            },
            ["start"] = Text("ISO 8601 time (UTC unless an offset is given)"),
            ["end"] = Text("ISO 8601 time, after the start, at most 14 days later"),
            ["crowd"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "5000000", Description = "expected people" },
            ["synthetic"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "a made-up event (default false)" },
            ["note"] = Text("a note kept with it"),
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
