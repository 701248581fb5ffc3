using System.Globalization;
using System.Text.Json;
using Dala.Quality.Cases;
using Dala.Web.Auth;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Apis;

public static partial class CasesApi
{
    private static IResult List(HttpContext http, DalaWebSettings settings)
    {
        var q = new QueryReader(http.Request.Query, ["state", "operator"]);
        var state = q.OneOf("state", [.. CaseNames.States]);
        var op = q.Text("operator");
        if (q.HasErrors) return q.Problem();
        if (http.OwnOperator() is { } own)
        {
            if (op is not null && op != own) return HttpContextAuth.NotYourOperator($"it may not list {op}'s cases");
            op = own;
        }
        if (settings.Cases is not { } desk) return NoCases();
        return Results.Ok(desk.Store.List(new CaseFilter(CaseNames.State(state), op)).Select(c => c.ToDto(desk)).ToArray());
    }

    private static IResult Get(long id, HttpContext http, DalaWebSettings settings)
    {
        if (settings.Cases is not { } desk) return NoCases();
        try
        {
            var c = desk.Get(id);
            if (http.OwnOperator() is { } own && c.Violation.Operator != own) return HttpContextAuth.NotYourOperator($"case {id} is not {own}'s");
            return Results.Ok(c.ToDto(desk));
        }
        catch (CaseException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> Open(HttpContext http, DalaWebSettings settings, CancellationToken cancel)
    {
        if (settings.Cases is not { } desk) return NoCases();
        var body = await JsonBody.ReadAsync(http.Request, MaxBodyBytes, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object");
            return errors.Problem("Invalid case");
        }
        var f = new JsonFields(doc.RootElement, "", errors, CaseRequestSchema.OpenFields);
        var version = f.Int("version", 1, int.MaxValue);
        var from = Date(f, "from", errors);
        var to = Date(f, "to", errors);
        var n = f.Number("n", 1, 1e15);
        var k = f.Number("k", 0, 1e15);
        foreach (var (name, value) in new[] { ("n", n), ("k", k) })
            if (value is { } x && x != Math.Floor(x)) errors.Invalid(name, $"{x.ToString(CultureInfo.InvariantCulture)} is not a whole count");
        var violation = new Violation(Text(f, "obligation", errors) ?? "", version, Text(f, "operator", errors) ?? "", Text(f, "region", errors) ?? "",
            Text(f, "settlement", errors, required: false), from, to, (long)(n ?? 0), (long)(k ?? 0),
            f.Number("estimate", double.MinValue, double.MaxValue), f.Number("ciLow", double.MinValue, double.MaxValue), f.Number("ciHigh", double.MinValue, double.MaxValue),
            f.Bool("synthetic") ?? false);
        if (f.Get("n") is null) errors.Invalid("n", "required");
        if (f.Get("k") is null) errors.Invalid("k", "required");
        f.String("actor"); // read for its type only: the step is recorded under the principal, whatever it says
        var actor = http.Actor();
        var date = Date(f, "date", errors);
        var note = f.String("note");
        if (!errors.Any)
            foreach (var (field, reason) in violation.Problems())
                errors.Invalid(Json(field), reason);
        if (errors.Any) return errors.Problem("Invalid case");
        try
        {
            var id = desk.Open([violation], actor, date, note)[0];
            if (id is null)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "An open case exists",
                    detail: $"{violation.ObligationId} / {violation.Operator} / {violation.Unit} / {violation.Period} already has an open case; nothing was opened.");
            return Results.Created($"/api/quality/cases/{id}", desk.Get(id.Value).ToDto(desk));
        }
        catch (CaseException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> Step(long id, HttpContext http, DalaWebSettings settings, CancellationToken cancel)
    {
        if (settings.Cases is not { } desk) return NoCases();
        var body = await JsonBody.ReadAsync(http.Request, MaxBodyBytes, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object");
            return errors.Problem("Invalid step");
        }
        var f = new JsonFields(doc.RootElement, "", errors, CaseRequestSchema.StepFields);
        var toText = f.String("to", required: true);
        var to = CaseNames.State(toText);
        if (toText is not null && to is null) errors.Invalid("to", $"'{toText}' is not one of {string.Join(", ", CaseNames.States)}");
        var outcomeText = f.String("outcome");
        var outcome = CaseNames.Outcome(outcomeText);
        if (outcomeText is not null && outcome is null) errors.Invalid("outcome", $"'{outcomeText}' is not upheld or dismissed");
        f.String("actor"); // read for its type only: the step is recorded under the principal, whatever it says
        var actor = http.Actor();
        var date = Date(f, "date", errors);
        var note = f.String("note");
        if (errors.Any) return errors.Problem("Invalid step");
        try
        {
            return Results.Ok(desk.Step(id, new StepRequest(to!.Value, actor, date, note, outcome)).ToDto(desk));
        }
        catch (CaseException e)
        {
            return Refused(e);
        }
    }

    private static string? Text(JsonFields f, string name, BodyErrors errors, bool required = true)
    {
        var s = f.String(name, required)?.Trim();
        if (s is { Length: 0 } && required) errors.Invalid(name, "empty");
        if (s is { Length: > 200 }) errors.Invalid(name, "longer than 200 characters");
        return s is { Length: 0 } ? null : s;
    }

    private static DateOnly? Date(JsonFields f, string name, BodyErrors errors)
    {
        if (f.String(name) is not { } s) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Invalid(name, $"'{s}' is not a date YYYY-MM-DD");
        return null;
    }
}
