using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Ndt7;

/// <summary>Decides whether a request may run a test (checked before the upgrade; a refusal is a 403).</summary>
public interface INdt7Access
{
    bool Allows(HttpContext context);
}

/// <summary>Anyone may test (the default).</summary>
public sealed class AllowAllNdt7Access : INdt7Access
{
    public bool Allows(HttpContext context) => true;
}

/// <summary>
/// A request must carry <c>?access_token=</c> equal to one of the configured tokens (compared in constant time).
/// M-Lab's servers take the same parameter, but as a JWT signed by their locate service; this is the shared-secret form.
/// </summary>
public sealed class TokenNdt7Access(IEnumerable<string> tokens) : INdt7Access
{
    public const string Parameter = "access_token";

    private readonly byte[][] _tokens = [.. tokens.Where(t => t.Length > 0).Select(Encoding.UTF8.GetBytes)];

    public bool Allows(HttpContext context)
    {
        var given = context.Request.Query[Parameter];
        if (given.Count != 1 || string.IsNullOrEmpty(given[0])) return false;
        var bytes = Encoding.UTF8.GetBytes(given[0]!);
        var ok = false;
        foreach (var t in _tokens) ok |= CryptographicOperations.FixedTimeEquals(t, bytes);
        return ok;
    }
}
