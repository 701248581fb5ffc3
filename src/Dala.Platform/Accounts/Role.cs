namespace Dala.Platform.Accounts;

/// <summary>
/// Who may do what: public reads published data; analyst also reads everything and runs plans; inspector also takes the
/// inspectorate's writes (measurements, obligations, cases, challenge decisions); operator reads and writes its own data
/// and cases only; admin does everything, including users, keys and the audit log.
/// </summary>
public enum Role { Public, Analyst, Inspector, Operator, Admin }

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static IReadOnlyList<string> Names { get; } = All.Select(WireName).ToArray();

    public static string WireName(this Role role) => role.ToString().ToLowerInvariant();

    public static Role? Parse(string? text) =>
        All.Where(r => string.Equals(r.WireName(), text?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(r => (Role?)r).FirstOrDefault();
}
