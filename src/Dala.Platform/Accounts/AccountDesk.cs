using System.Text.RegularExpressions;
using Dala.Geo;

namespace Dala.Platform.Accounts;

/// <summary>
/// The one place that says what a valid user or key is: names, roles, the operator an operator account must name,
/// password rules; signs users in and resolves API keys. Refusals are <see cref="AccountException"/>s naming the field.
/// </summary>
public sealed partial class AccountDesk(IAccountStore store, IClock clock)
{
    private static readonly string DummyHash = Passwords.Hash("not a password of anyone");

    public IAccountStore Store => store;

    public User AddUser(string name, Role role, string? operatorId, string password)
    {
        CheckName("name", name);
        var op = CheckOperator(role, operatorId);
        if (Passwords.Problem(password) is { } p) throw new AccountException("password", p);
        var user = new User(0, name, role, op, Passwords.Hash(password), false, clock.Now);
        return store.AddUser(user) ?? throw new AccountException("name", $"a user '{name}' exists already", conflict: true);
    }

    public void SetPassword(string name, string password)
    {
        if (Passwords.Problem(password) is { } p) throw new AccountException("password", p);
        var user = Existing(name);
        store.UpdateUser(user.Name, Passwords.Hash(password), user.Disabled);
    }

    public void SetDisabled(string name, bool disabled)
    {
        var user = Existing(name);
        store.UpdateUser(user.Name, user.PasswordHash, disabled);
    }

    /// <summary>The principal for a name and password, or null (unknown, disabled or wrong password: one answer for all).</summary>
    public Principal? SignIn(string? name, string? password)
    {
        var user = string.IsNullOrEmpty(name) ? null : store.User(name);
        var ok = Passwords.Verify(user?.PasswordHash ?? DummyHash, password ?? "");
        return ok && user is { Disabled: false } ? Principal.Of(user) : null;
    }

    /// <summary>A new key: the stored record and the secret, which is shown once and never kept.</summary>
    public (ApiKey Key, string Secret) CreateKey(string name, Role role, string? operatorId)
    {
        CheckName("name", name);
        var op = CheckOperator(role, operatorId);
        var secret = ApiKeySecret.New();
        var key = store.AddKey(new ApiKey(0, name, ApiKeySecret.Prefix(secret), ApiKeySecret.Hash(secret), role, op, clock.Now, null));
        return (key, secret);
    }

    /// <summary>The key's principal, or null when the text is no key of ours or the key is revoked.</summary>
    public Principal? Resolve(string? secret)
    {
        if (!ApiKeySecret.LooksLikeKey(secret)) return null;
        return store.KeyByHash(ApiKeySecret.Hash(secret!)) is { Revoked: false } key ? Principal.Of(key) : null;
    }

    public ApiKey Revoke(long id)
    {
        var key = store.Keys().FirstOrDefault(k => k.Id == id) ?? throw new AccountException("id", $"no key {id}");
        if (key.Revoked) throw new AccountException("id", $"key {id} was revoked already", conflict: true);
        store.RevokeKey(id, clock.Now);
        return key;
    }

    private User Existing(string name) => store.User(name) ?? throw new AccountException("name", $"no user '{name}'");

    private static void CheckName(string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new AccountException(field, "empty");
        if (!NamePattern().IsMatch(name)) throw new AccountException(field, $"'{name}' is not 1-64 letters, digits, '.', '_', '-' or '@'");
    }

    private static string? CheckOperator(Role role, string? operatorId)
    {
        var op = string.IsNullOrWhiteSpace(operatorId) ? null : operatorId.Trim();
        if (role == Role.Operator && op is null) throw new AccountException("operator", "an operator account names its operator");
        if (role != Role.Operator && op is not null) throw new AccountException("operator", $"only an operator account names an operator (role is {role.WireName()})");
        if (op is { Length: > 100 }) throw new AccountException("operator", "longer than 100 characters");
        return op;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex NamePattern();
}
