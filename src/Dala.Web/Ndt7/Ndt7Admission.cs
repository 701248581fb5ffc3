using Microsoft.AspNetCore.Http;

namespace Dala.Web.Ndt7;

/// <summary>The checks before an upgrade, each answered with problem+json: 400 (not a WebSocket upgrade, no ndt7
/// subprotocol, query string over 4096 bytes), 403 (access refused); and the 503 for a full server.</summary>
public static class Ndt7Admission
{
    public static IResult? Refusal(HttpContext context, Ndt7Settings settings, INdt7Access access)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return Problem(StatusCodes.Status400BadRequest, "Not a WebSocket upgrade",
                $"ndt7 tests run over WebSocket with the subprotocol {Ndt7Endpoints.Subprotocol}.");
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(Ndt7Endpoints.Subprotocol, StringComparer.Ordinal))
            return Problem(StatusCodes.Status400BadRequest, "Missing WebSocket subprotocol",
                $"Sec-WebSocket-Protocol must include {Ndt7Endpoints.Subprotocol}.");
        if (Ndt7Metadata.TooLong(context.Request, settings))
            return Problem(StatusCodes.Status400BadRequest, "Query string too long",
                $"The query string may not exceed {settings.MaxQueryLength} bytes.");
        if (!access.Allows(context))
            return Problem(StatusCodes.Status403Forbidden, "Access denied", "A valid access_token is required to run a test.");
        return null;
    }

    public static IResult Busy(int capacity) => Problem(StatusCodes.Status503ServiceUnavailable, "Speed-test server busy",
        $"{capacity} tests are running, the most this server runs at once; retry after the time in Retry-After.");

    public static IResult AddressBusy(int perAddress) => Problem(StatusCodes.Status503ServiceUnavailable, "Too many tests from this address",
        $"{perAddress} tests are running from your address, the most one address may run at once; retry after the time in Retry-After.");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
