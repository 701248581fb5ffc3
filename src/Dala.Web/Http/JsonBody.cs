using System.Text.Json;
using Dala.Geo.Io;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Http;

/// <summary>
/// Reads a JSON request body by hand, so that each way it can be wrong has its own problem+json: not JSON
/// (415), too large (413, never read past the limit), not well-formed (400 naming the line and byte), text that cannot
/// be a string (a lone surrogate, bytes that are not UTF-8: 400 naming the field, <see cref="JsonText"/>).
/// </summary>
public static class JsonBody
{
    public sealed record Outcome(JsonDocument? Document, IResult? Error);

    public static async Task<Outcome> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !(type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal)))
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the request as application/json; got {type ?? "no content type"}.");
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return TooLarge(maxBytes);
        }
        try
        {
            return new Outcome(JsonText.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), null);
        }
        catch (JsonTextException e)
        {
            return new Outcome(null, Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field.Length == 0 ? "body" : e.Field] = [e.What] },
                title: "Malformed request body", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1}" : "";
            return new Outcome(null, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not valid JSON{where}: {FirstSentence(e.Message)}"] },
                title: "Malformed request body", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber:", 2)[0].Trim();

    private static Outcome TooLarge(int maxBytes) => Fail(StatusCodes.Status413PayloadTooLarge, "Request too large",
        $"The body may be at most {maxBytes / 1024} KiB.");

    private static Outcome Fail(int status, string title, string detail) => new(null, Results.Problem(statusCode: status, title: title, detail: detail));
}
