using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Cloud.Sites;

/// <summary>One-time enrolment tokens: 32 random bytes, shown once; only their SHA-256 is stored (like API keys, they carry their own entropy).</summary>
public static class EnrolmentTokens
{
    public static string New() => "enr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
    }
}
