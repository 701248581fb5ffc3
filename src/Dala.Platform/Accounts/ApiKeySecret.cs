using System.Security.Cryptography;
using System.Text;

namespace Dala.Platform.Accounts;

/// <summary>
/// API key secrets: "dala_" + 32 random bytes in base64url. Stored as the SHA-256 of the whole key (hex): a key has
/// 256 bits of entropy, so a fast hash is enough (no salt or stretching needed, unlike a password) and lookup is by hash.
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "dala_";
    public const int PrefixLength = 12;

    public static string New() => Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What a listing shows of a key: its first characters.</summary>
    public static string Prefix(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    public static bool LooksLikeKey(string? text) => text is { Length: > 20 and < 200 } && text.StartsWith(Scheme, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
