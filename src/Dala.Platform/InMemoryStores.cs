using Dala.Platform.Accounts;
using Dala.Platform.Audit;

namespace Dala.Platform;

/// <summary>Accounts kept in memory: for a host that keeps no store (nobody can sign in until a key is added) and for tests.</summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly Lock _gate = new();
    private readonly List<User> _users = [];
    private readonly List<ApiKey> _keys = [];

    public User? AddUser(User user)
    {
        lock (_gate)
        {
            if (_users.Any(u => u.Name == user.Name)) return null;
            var added = user with { Id = _users.Count + 1 };
            _users.Add(added);
            return added;
        }
    }

    public User? User(string name)
    {
        lock (_gate) return _users.FirstOrDefault(u => u.Name == name);
    }

    public IReadOnlyList<User> Users()
    {
        lock (_gate) return [.. _users.OrderBy(u => u.Name, StringComparer.Ordinal)];
    }

    public bool UpdateUser(string name, string passwordHash, bool disabled)
    {
        lock (_gate)
        {
            var i = _users.FindIndex(u => u.Name == name);
            if (i < 0) return false;
            _users[i] = _users[i] with { PasswordHash = passwordHash, Disabled = disabled };
            return true;
        }
    }

    public ApiKey AddKey(ApiKey key)
    {
        lock (_gate)
        {
            var added = key with { Id = _keys.Count + 1 };
            _keys.Add(added);
            return added;
        }
    }

    public ApiKey? KeyByHash(string hash)
    {
        lock (_gate) return _keys.FirstOrDefault(k => k.Hash == hash);
    }

    public IReadOnlyList<ApiKey> Keys()
    {
        lock (_gate) return [.. _keys];
    }

    public bool RevokeKey(long id, DateTimeOffset at)
    {
        lock (_gate)
        {
            var i = _keys.FindIndex(k => k.Id == id);
            if (i < 0 || _keys[i].Revoked) return false;
            _keys[i] = _keys[i] with { RevokedAt = at };
            return true;
        }
    }
}

/// <summary>An audit log kept in memory (a host without a store; tests).</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];

    public void Append(AuditEntry entry)
    {
        lock (_gate) _entries.Add(entry with { Id = _entries.Count + 1 });
    }

    public IReadOnlyList<AuditEntry> Query(AuditQuery query)
    {
        lock (_gate)
            return [.. _entries.Where(e => (query.From is null || e.At >= query.From) && (query.To is null || e.At < query.To)
                                            && (query.Actor is null || e.Actor == query.Actor))
                .OrderByDescending(e => e.Id).Take(query.Limit)];
    }
}
