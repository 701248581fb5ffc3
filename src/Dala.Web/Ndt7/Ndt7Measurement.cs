using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dala.Web.Ndt7;

/// <summary>Application-level counters: µs since the test began and the bytes sent (download) or received (upload).</summary>
public sealed record AppInfo(long ElapsedTime, long NumBytes);

/// <summary>The connection as the server sees it; sent once, in the first measurement.</summary>
public sealed record ConnectionInfo(string Client, string Server, string UUID);

/// <summary>One ndt7 measurement message (a textual WebSocket message). Absent parts are left out of the JSON.</summary>
public sealed record Ndt7Measurement(AppInfo? AppInfo, ConnectionInfo? ConnectionInfo, string Origin, string Test, TcpInfo? TCPInfo)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = null,
    };

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static Ndt7Measurement? Parse(string json) => JsonSerializer.Deserialize<Ndt7Measurement>(json, Json);
}
