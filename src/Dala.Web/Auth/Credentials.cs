using Dala.Platform.Accounts;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Auth;

/// <summary>What a request proved: a principal (or none), the session it came with, or why its credentials were refused.</summary>
public sealed record AuthResult(Principal? Principal, Session? Session, string? Error)
{
    public static readonly AuthResult Anonymous = new(null, null, null);
}

/// <summary>
/// Reads a request's credentials: an API key (Authorization: Bearer KEY, or X-Api-Key: KEY) or else the session cookie.
/// A key that is wrong or revoked is an error (401 even on an open endpoint, so that a script learns at once); a session
/// cookie that is unknown or whose user is disabled counts as no credentials (the browser simply is signed out).
/// </summary>
public sealed class Credentials(AccountDesk accounts, Sessions sessions)
{
    public const string KeyHeader = "X-Api-Key";

    public AuthResult Read(HttpContext http)
    {
        var request = http.Request;
        string? key = null;
        if (request.Headers.Authorization.ToString() is { Length: > 0 } auth)
        {
            if (!auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return new AuthResult(null, null, "Authorization must be 'Bearer KEY' (an API key from dala keys create)");
            key = auth["Bearer ".Length..].Trim();
        }
        else if (request.Headers[KeyHeader].ToString() is { Length: > 0 } header)
        {
            key = header.Trim();
        }
        if (key is not null)
            return accounts.Resolve(key) is { } p ? new AuthResult(p, null, null) : new AuthResult(null, null, "the API key is not valid (unknown or revoked)");
        if (sessions.Get(request.Cookies[Sessions.Cookie]) is not { } session) return AuthResult.Anonymous;
        return accounts.Store.User(session.UserName) is { Disabled: false } user
            ? new AuthResult(Principal.Of(user), session, null)
            : AuthResult.Anonymous;
    }
}

/// <summary>The request's principal, as the auth middleware found it.</summary>
public static class HttpContextAuth
{
    public static AuthResult Auth(this HttpContext http) => http.Features.Get<AuthResult>() ?? AuthResult.Anonymous;

    public static Principal? Principal(this HttpContext http) => http.Auth().Principal;

    /// <summary>Who a write is recorded under: the principal's actor ("user:NAME", "key:NAME"), else "anonymous".</summary>
    public static string Actor(this HttpContext http) => http.Principal()?.Actor ?? "anonymous";

    /// <summary>The operator an operator principal is held to (null for every other principal).</summary>
    public static string? OwnOperator(this HttpContext http) => http.Principal() is { Role: Role.Operator } p ? p.OperatorId : null;

    /// <summary>Refuses an operator principal acting on another operator's data.</summary>
    public static IResult NotYourOperator(string what) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
        detail: $"An operator account acts on its own operator's data only; {what}.");
}
