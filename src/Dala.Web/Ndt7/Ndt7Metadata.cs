using Microsoft.AspNetCore.Http;

namespace Dala.Web.Ndt7;

/// <summary>
/// The client's metadata from the query string (client_name, client_version, client_library_name...), as the spec
/// says: at most 4096 bytes (longer is a 400), duplicate keys ignored (the first value kept), keys starting with
/// <c>server_</c> reserved for the server and dropped. The access token is a credential, not metadata, and is dropped too.
/// </summary>
public static class Ndt7Metadata
{
    public static bool TooLong(HttpRequest request, Ndt7Settings settings) =>
        request.QueryString.HasValue && request.QueryString.Value!.Length - 1 > settings.MaxQueryLength;

    public static IReadOnlyDictionary<string, string> From(IQueryCollection query)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (key.Length == 0 || key.StartsWith("server_", StringComparison.Ordinal) || key == TokenNdt7Access.Parameter) continue;
            result[key] = values.Count > 0 ? values[0] ?? "" : "";
        }
        return result;
    }
}
