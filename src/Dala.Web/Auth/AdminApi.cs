using System.Globalization;
using System.Text;
using System.Text.Json;
using Dala.Platform.Accounts;
using Dala.Platform.Audit;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Auth;

/// <summary>Administration (admin only, see <see cref="AccessTable"/>): users, API keys (created, listed, revoked) and the audit log (JSON or CSV).</summary>
public static class AdminApi
{
    public sealed record UserDto(string Name, string Role, string? Operator, bool Disabled, string CreatedAt);

    public sealed record KeyDto(long Id, string Name, string Prefix, string Role, string? Operator, string CreatedAt, string? RevokedAt);

    public sealed record NewKeyDto(KeyDto Key, string Secret);

    public sealed record AuditEntryDto(long Id, string At, string Actor, string Action, string Target, string Origin, int Status);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/users", (AccountDesk a) => Results.Ok(a.Store.Users().Select(u =>
                new UserDto(u.Name, u.Role.WireName(), u.OperatorId, u.Disabled, AuditCsv.Time(u.CreatedAt))).ToArray()))
            .TakesQuery().WithName("GetUsers").WithTags("Admin").WithSummary("The users (never their passwords); admin only").Produces<UserDto[]>(StatusCodes.Status200OK);
        app.MapGet("/api/keys", (AccountDesk a) => Results.Ok(a.Store.Keys().Select(Dto).ToArray()))
            .TakesQuery().WithName("GetKeys").WithTags("Admin").WithSummary("The API keys (first characters only); admin only").Produces<KeyDto[]>(StatusCodes.Status200OK);
        app.MapPost("/api/keys", CreateKey).WithName("CreateKey").WithTags("Admin")
            .WithSummary("Create an API key {name, role, operator}: the answer holds the key itself, shown this once; admin only")
            .Produces<NewKeyDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapDelete("/api/keys/{id:long}", (long id, AccountDesk a) =>
            {
                try
                {
                    a.Revoke(id);
                    return Results.NoContent();
                }
                catch (AccountException e)
                {
                    return Results.Problem(statusCode: e.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound, title: "Not revoked", detail: e.Reason);
                }
            }).WithName("RevokeKey").WithTags("Admin").WithSummary("Revoke an API key; admin only")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/audit", Audit).WithName("GetAudit").WithTags("Admin")
            .WithSummary("The audit log, newest first: from, to (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ), actor, limit (1..10000, default 1000), format=csv; admin only")
            .Produces<AuditEntryDto[]>(StatusCodes.Status200OK).ProducesValidationProblem().AlsoProduces("text/csv");
        return app;
    }

    private static KeyDto Dto(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Role.WireName(), k.OperatorId, AuditCsv.Time(k.CreatedAt),
        k.RevokedAt is { } r ? AuditCsv.Time(r) : null);

    private static async Task<IResult> CreateKey(HttpRequest request, AccountDesk accounts, CancellationToken cancel)
    {
        var body = await JsonBody.ReadAsync(request, 16 * 1024, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object {name, role, operator}");
            return errors.Problem("Invalid key");
        }
        var f = new JsonFields(doc.RootElement, "", errors, ["name", "role", "operator"]);
        var name = f.String("name", required: true);
        var roleText = f.String("role", required: true);
        var op = f.String("operator");
        if (errors.Any) return errors.Problem("Invalid key");
        if (Roles.Parse(roleText) is not { } role)
        {
            errors.Invalid("role", $"'{roleText}' is not one of {string.Join(", ", Roles.Names)}");
            return errors.Problem("Invalid key");
        }
        try
        {
            var (key, secret) = accounts.CreateKey(name!, role, op);
            return Results.Created($"/api/keys/{key.Id}", new NewKeyDto(Dto(key), secret));
        }
        catch (AccountException e)
        {
            errors.Invalid(e.Field, e.Reason);
            return errors.Problem("Invalid key");
        }
    }

    private static IResult Audit(HttpRequest request, Auditor auditor)
    {
        var q = new QueryReader(request.Query, ["from", "to", "actor", "limit", "format"]);
        var from = When(q, "from");
        var to = When(q, "to");
        var limit = q.Int("limit", 1, 10_000) ?? 1000;
        var format = q.OneOf("format", ["json", "csv"]);
        if (q.HasErrors) return q.Problem();
        var entries = auditor.Log.Query(new AuditQuery(from, to, q.Text("actor"), limit));
        if (format == "csv")
        {
            var w = new StringWriter(CultureInfo.InvariantCulture);
            AuditCsv.Write(w, entries);
            return Results.Text(w.ToString(), "text/csv", Encoding.UTF8);
        }
        return Results.Ok(entries.Select(e => new AuditEntryDto(e.Id, AuditCsv.Time(e.At), e.Actor, e.Action, e.Target, e.Origin, e.Status)).ToArray());
    }

    private static DateTimeOffset? When(QueryReader q, string name)
    {
        if (q.Text(name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        return q.Error<DateTimeOffset?>(name, $"'{text}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    }
}
