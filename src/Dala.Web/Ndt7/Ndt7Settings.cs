namespace Dala.Web.Ndt7;

/// <summary>
/// How the ndt7 server behaves. The defaults are the spec's (ndt7-protocol.md and ndt-server's spec constants):
/// 10 s tests, 15 s hard cap, measurements every 250 ms, binary messages from 2^13 bytes doubling up to 2^24.
/// Tests shorten <see cref="Duration"/> and <see cref="HardCap"/>; nothing else should need changing.
/// </summary>
public sealed record Ndt7Settings
{
    /// <summary>How long the server sends (download) or counts what it receives (upload).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No test, including its close handshake, outlives this: sends and receives are cancelled and the socket aborted.</summary>
    public TimeSpan HardCap { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gap between two server measurements (the spec: not more often than every 250 ms).</summary>
    public TimeSpan MeasurementInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int InitialMessageSize { get; init; } = 1 << 13;

    public int MaxMessageSize { get; init; } = 1 << 24;

    /// <summary>A message is doubled once the bytes already sent reach this many times its size (the spec's appendix: 16).</summary>
    public int ScalingFraction { get; init; } = 16;

    /// <summary>Largest WebSocket frame written: bigger messages go out as several frames of one message, so a blocked
    /// send holds at most this much of the pooled send buffer (the payload itself is one shared read-only array).</summary>
    public int MaxFrameSize { get; init; } = 1 << 20;

    /// <summary>Tests running at once; one more upgrade request is answered 503 with Retry-After.</summary>
    public int Capacity { get; init; } = 64;

    /// <summary>Tests one client address may run at once (0: no limit); one more is answered 503 with Retry-After. Behind a
    /// reverse proxy every client has the proxy's address unless the forwarded headers are honoured.</summary>
    public int MaxPerAddress { get; init; } = 4;

    /// <summary>A test that moves no data (the client sends nothing during an upload, reads nothing during a download) for
    /// this long is closed and frees its slot, recorded as aborted ("idle"); so idle WebSockets cannot hold every slot until
    /// the hard cap. 5 s: a real client moves its first bytes within a round trip.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When non-empty, every request needs <c>?access_token=</c> with one of these (403 otherwise).</summary>
    public IReadOnlySet<string> AccessTokens { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The spec: a query string longer than this is refused with 400.</summary>
    public int MaxQueryLength { get; init; } = 4096;

    /// <summary>Retry-After on a 503: by then every running test has ended (the hard cap), so a slot is free.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(HardCap.TotalSeconds);

    public static Ndt7Settings Default { get; } = new();

    /// <summary>Throws on settings that cannot work, so a bad configuration fails at start-up, not mid-test.</summary>
    public Ndt7Settings Validated()
    {
        Check(Duration > TimeSpan.Zero, "Duration must be positive");
        Check(HardCap >= Duration, "HardCap must be at least Duration");
        Check(MeasurementInterval > TimeSpan.Zero, "MeasurementInterval must be positive");
        Check(InitialMessageSize > 0 && InitialMessageSize <= MaxMessageSize, "InitialMessageSize must be in (0, MaxMessageSize]");
        Check(ScalingFraction >= 1, "ScalingFraction must be at least 1");
        Check(MaxFrameSize > 0, "MaxFrameSize must be positive");
        Check(Capacity > 0, "Capacity must be positive");
        Check(MaxPerAddress >= 0, "MaxPerAddress must be 0 (no limit) or positive");
        Check(IdleTimeout > TimeSpan.Zero, "IdleTimeout must be positive");
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }
}
