using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dala.Web.Jobs;

/// <summary>
/// The key of a job's normalised inputs: its kind, the request with object members in name order (so that the same
/// request written another way is the same key), and the registry revision it was read against.
/// </summary>
public static class JobKey
{
    public static string Of(string kind, JsonElement request, long revision)
    {
        var text = $"{kind}\n{revision}\n{Sorted(JsonNode.Parse(request.GetRawText()))?.ToJsonString() ?? "null"}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(v => Sorted(v?.DeepClone()))]),
        _ => node?.DeepClone(),
    };
}
