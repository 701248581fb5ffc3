using Microsoft.AspNetCore.Identity;

namespace Dala.Platform.Accounts;

/// <summary>
/// Password hashing by ASP.NET Core Identity's PasswordHasher (format v3: PBKDF2-HMAC-SHA512, 128-bit salt, 100,000
/// iterations, the parameters in the hash so that they can be raised later). The rule for a new password lives here.
/// </summary>
public static class Passwords
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword("", password);

    public static bool Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword("", hash, password) is not PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Why a password may not be used, or null.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or { Length: 0 } => "empty",
        { Length: < MinLength } => $"shorter than {MinLength} characters",
        { Length: > MaxLength } => $"longer than {MaxLength} characters",
        _ when string.IsNullOrWhiteSpace(password) => "only white space",
        _ => null,
    };
}
