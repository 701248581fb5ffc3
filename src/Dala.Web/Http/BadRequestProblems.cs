using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Http;

/// <summary>
/// Kestrel's refusals that surface while a handler reads the body (<see cref="BadHttpRequestException"/>: a body over
/// the endpoint's size limit, 413; an upload slower than the minimum data rate, 408) become problem+json with their
/// own status instead of a 500.
/// </summary>
public sealed class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;
        var (title, detail) = Describe(bad.StatusCode);
        await Results.Problem(statusCode: bad.StatusCode, title: title, detail: detail).ExecuteAsync(context);
        return true;
    }

    public static (string Title, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => ("Request timeout", "The body arrived too slowly (below the server's minimum data rate); nothing was stored."),
        StatusCodes.Status413PayloadTooLarge => ("Request too large", "The body is larger than this endpoint accepts; nothing was stored."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Request headers too large", "The request's headers are larger than the server accepts."),
        _ => ("Bad request", "The request could not be read."),
    };
}
