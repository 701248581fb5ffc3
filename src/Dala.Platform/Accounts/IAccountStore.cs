namespace Dala.Platform.Accounts;

/// <summary>Users and API keys (declared here, implemented by the stores). Names of users are unique.</summary>
public interface IAccountStore
{
    /// <summary>Adds a user; returns it with its id, or null when the name is taken.</summary>
    User? AddUser(User user);

    User? User(string name);

    IReadOnlyList<User> Users();

    /// <summary>Replaces the password hash and the disabled flag of a user; false when there is no such user.</summary>
    bool UpdateUser(string name, string passwordHash, bool disabled);

    ApiKey AddKey(ApiKey key);

    ApiKey? KeyByHash(string hash);

    IReadOnlyList<ApiKey> Keys();

    /// <summary>Marks a key revoked at the time given; false when there is no such key or it was revoked already.</summary>
    bool RevokeKey(long id, DateTimeOffset at);
}
