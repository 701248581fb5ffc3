namespace Dala.Platform.Accounts;

/// <summary>
/// An API key as stored: its SHA-256 hash (the key itself is shown once, at creation), the first characters for
/// listing, the role it acts as and, for an operator key, the operator. A revoked key authenticates nobody.
/// </summary>
public sealed record ApiKey(long Id, string Name, string Prefix, string Hash, Role Role, string? OperatorId, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}
