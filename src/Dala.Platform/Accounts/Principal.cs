namespace Dala.Platform.Accounts;

/// <summary>Who is acting: "user:NAME", "key:NAME" or "cli:OSUSER", the role and (operators) the operator.</summary>
public sealed record Principal(string Actor, Role Role, string? OperatorId)
{
    public static Principal Of(User u) => new("user:" + u.Name, u.Role, u.OperatorId);

    public static Principal Of(ApiKey k) => new("key:" + k.Name, k.Role, k.OperatorId);

    /// <summary>A command-line user (the OS account): the store's owner, so it acts as admin.</summary>
    public static Principal Cli(string osUser) => new("cli:" + osUser, Role.Admin, null);
}
