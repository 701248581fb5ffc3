using Dala.Platform.Accounts;

namespace Dala.Web.Auth;

/// <summary>
/// Who may call an endpoint: anyone (no credentials needed), or the roles listed (admin always may). OwnOperator: an
/// operator principal is held to its own operator id by the handler (rows of other operators are refused or left out).
/// </summary>
public sealed record Access(bool Anyone, IReadOnlyList<Role> Roles, bool OwnOperator = false)
{
    public static readonly Access Open = new(true, Platform.Accounts.Roles.All);

    public static Access For(params Role[] roles) => new(false, [.. roles.Append(Role.Admin).Distinct().Order()]);

    public Access OwnOperatorOnly() => this with { OwnOperator = true };

    public bool Allows(Principal? p) => Anyone || (p is not null && Roles.Contains(p.Role));

    /// <summary>The answer a caller gets before the handler runs: 200 (passes), 401 or 403.</summary>
    public int StatusFor(Principal? p) => Allows(p) ? 200 : p is null ? 401 : 403;
}
