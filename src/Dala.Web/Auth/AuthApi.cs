using System.Text.Json;
using Dala.Platform.Accounts;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Auth;

/// <summary>
/// Browser sign-in: POST /api/auth/login {user, password} sets the session cookie (HttpOnly, SameSite=Strict) and
/// answers the anti-forgery token the page sends with each write; POST /api/auth/logout ends the session; GET
/// /api/auth/me says who is signed in (or that nobody is) and repeats the token.
/// </summary>
public static class AuthApi
{
    private static readonly Microsoft.OpenApi.OpenApiSchema LoginSchema = new()
    {
        Type = Microsoft.OpenApi.JsonSchemaType.Object,
        Required = new HashSet<string> { "user", "password" },
        Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
        {
            ["user"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Description = "the user's name" },
            ["password"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Description = "the password" },
        },
    };

    public sealed record MeDto(bool SignedIn, string? Actor, string? Role, string? Operator, string? Csrf, bool ViaKey);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login).WithName("Login").WithTags("Auth")
            .WithSummary("Sign in with {user, password}: sets the session cookie and answers who you are and the anti-forgery token (send it as X-Dala-Csrf on writes)")
            .DocumentsJsonBody(LoginSchema)
            .Produces<MeDto>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapPost("/api/auth/logout", (HttpContext http, Sessions sessions) =>
        {
            sessions.End(http.Request.Cookies[Sessions.Cookie]);
            http.Response.Cookies.Delete(Sessions.Cookie, CookieOptions(http));
            return Results.NoContent();
        }).WithName("Logout").WithTags("Auth").WithSummary("Sign out: ends the session").Produces(StatusCodes.Status204NoContent);
        app.MapGet("/api/auth/me", (HttpContext http) => Results.Ok(Me(http.Auth()))).TakesQuery().WithName("Me").WithTags("Auth")
            .WithSummary("Who is signed in (role, operator) and the session's anti-forgery token; signedIn false for anonymous")
            .Produces<MeDto>(StatusCodes.Status200OK);
        return app;
    }

    private static async Task<IResult> Login(HttpContext http, AccountDesk accounts, Sessions sessions, CancellationToken cancel)
    {
        var body = await JsonBody.ReadAsync(http.Request, 16 * 1024, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected an object {user, password}");
            return errors.Problem("Invalid sign-in");
        }
        var f = new JsonFields(doc.RootElement, "", errors, ["user", "password"]);
        var user = f.String("user", required: true);
        var password = f.String("password", required: true);
        if (errors.Any) return errors.Problem("Invalid sign-in");
        if (accounts.SignIn(user, password) is not { } principal)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: "Unknown user, wrong password or a disabled account.");
        sessions.End(http.Request.Cookies[Sessions.Cookie]);
        var session = sessions.Start(user!);
        http.Response.Cookies.Append(Sessions.Cookie, session.Id, CookieOptions(http));
        var auth = new AuthResult(principal, session, null);
        http.Features.Set(auth);
        return Results.Ok(Me(auth));
    }

    private static MeDto Me(AuthResult a) => a.Principal is { } p
        ? new MeDto(true, p.Actor, p.Role.WireName(), p.OperatorId, a.Session?.Csrf, a.Session is null)
        : new MeDto(false, null, null, null, null, false);

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", IsEssential = true,
    };
}
