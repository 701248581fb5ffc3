using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dala.Geo;

namespace Dala.Web.Auth;

/// <summary>A signed-in browser: the user's name and the anti-forgery token its writes must carry.</summary>
public sealed record Session(string Id, string UserName, string Csrf, DateTimeOffset LastSeen);

/// <summary>
/// Browser sessions, in memory (a restart signs everyone out): a random 256-bit id in an HttpOnly SameSite=Strict
/// cookie, ended after <see cref="Idle"/> without a request or by signing out.
/// </summary>
public sealed class Sessions(IClock clock)
{
    public const string Cookie = "dala_session";
    public const string CsrfHeader = "X-Dala-Csrf";
    public static readonly TimeSpan Idle = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public Session Start(string userName)
    {
        var now = clock.Now;
        foreach (var stale in _sessions.Values.Where(s => now - s.LastSeen > Idle)) _sessions.TryRemove(stale.Id, out _);
        var s = new Session(Token(), userName, Token(), now);
        _sessions[s.Id] = s;
        return s;
    }

    /// <summary>The live session of an id (touched), or null.</summary>
    public Session? Get(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var s)) return null;
        var now = clock.Now;
        if (now - s.LastSeen > Idle)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        var touched = s with { LastSeen = now };
        _sessions.TryUpdate(id, touched, s);
        return touched;
    }

    public void End(string? id)
    {
        if (id is not null) _sessions.TryRemove(id, out _);
    }

    public static bool CsrfMatches(Session s, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(s.Csrf), Encoding.UTF8.GetBytes(header));

    private static string Token() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
