using System.Globalization;
using System.Text.Json;
using Dala.Permits.Model;
using Dala.Web.Auth;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Apis;

public static partial class PermitsApi
{
    private static async Task<IResult> Post(HttpContext http, DalaWebSettings settings, CancellationToken cancel)
    {
        if (settings.Permits is not { } store) return NoPermits();
        var body = await JsonBody.ReadAsync(http.Request, MaxBodyBytes, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object");
            return errors.Problem("Invalid permit request");
        }
        var f = new JsonFields(doc.RootElement, "", errors, PermitRequestSchema.Fields);
        var id = f.String("requestId", required: true)?.Trim();
        var stageText = f.String("stage");
        if (stageText is not null && !PermitStages.Keys.Contains(stageText)) errors.Invalid("stage", $"'{stageText}' is not one of {string.Join(", ", PermitStages.Keys)}");
        PermitRequest? request;
        PermitRequest? stored = null;
        if (stageText is not null)
        {
            foreach (var other in PermitRequestSchema.Fields.Where(n => n is not ("requestId" or "stage" or "date") && f.Raw(n) is not null))
                errors.Invalid(other, "not with stage: set one stage, or give the whole request without stage");
            var date = Date(f, "date", errors);
            if (errors.Any) return errors.Problem("Invalid permit request");
            stored = store.Get(id!);
            if (stored is null) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such request", detail: $"no permit request '{id}'");
            request = stored.WithStage(stageText, date);
        }
        else
        {
            if (f.Raw("date") is not null) errors.Invalid("date", "only with stage");
            var op = f.String("operator", required: true)?.Trim();
            var region = f.String("region", required: true)?.Trim();
            var opened = Date(f, "opened", errors);
            if (f.Get("opened") is null) errors.Invalid("opened", "required");
            var dates = PermitStages.Keys.ToDictionary(k => k, k => Date(f, PermitRequestSchema.Json(k), errors));
            var lon = f.Number("lon", -180, 180);
            var lat = f.Number("lat", -90, 90);
            var site = f.String("siteId")?.Trim();
            if (errors.Any) return errors.Problem("Invalid permit request");
            request = PermitStages.Keys.Aggregate(new PermitRequest(id!, op!, region!, opened!.Value, lon, lat, site is { Length: > 0 } ? site : null),
                (r, k) => r.WithStage(k, dates[k]));
            stored = store.Get(id!);
        }
        if (http.OwnOperator() is { } own)
        {
            if (stored is not null && stored.Operator != own) return HttpContextAuth.NotYourOperator($"request {id} is {stored.Operator}'s");
            if (request.Operator != own) return HttpContextAuth.NotYourOperator($"it may not file requests for {request.Operator}");
        }
        foreach (var (field, reason) in PermitRules.Problems(request, DateOnly.FromDateTime(settings.Clock.Now.UtcDateTime)))
            errors.Invalid(Field(field), reason);
        if (errors.Any) return errors.Problem("Invalid permit request");
        store.Save([request]);
        var dto = request.ToDto(PermitStages.Default);
        return stored is null ? Results.Created($"/api/permits?operator={Uri.EscapeDataString(request.Operator)}", dto) : Results.Ok(dto);
    }

    /// <summary>The body's name of a domain field (request_id -> requestId, on_air -> onAir).</summary>
    private static string Field(string field) => PermitRequestSchema.Json(field);

    private static DateOnly? Date(JsonFields f, string name, BodyErrors errors)
    {
        if (f.String(name) is not { } s) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Invalid(name, $"'{s}' is not a date YYYY-MM-DD");
        return null;
    }
}
