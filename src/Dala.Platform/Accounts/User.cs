namespace Dala.Platform.Accounts;

/// <summary>A person who signs in with a password (kept only as its hash). An operator user names its operator.</summary>
public sealed record User(long Id, string Name, Role Role, string? OperatorId, string PasswordHash, bool Disabled, DateTimeOffset CreatedAt);
