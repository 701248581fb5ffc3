namespace Dala.Platform.Accounts;

/// <summary>A refused account action: the field and why (the CLI exits 2, the API answers 422 or 409).</summary>
public sealed class AccountException(string field, string reason, bool conflict = false) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
    public bool Conflict { get; } = conflict;
}
