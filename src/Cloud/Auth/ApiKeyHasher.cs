using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Cloud.Auth;

internal static class ApiKeyHasher
{
    public const string Prefix = "as_";

    /// <summary>A new key: a recognisable prefix (so secret scanners find leaked keys) and 160 random bits.</summary>
    public static string Generate() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
