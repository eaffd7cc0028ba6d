using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Cloud.Sites;

/// <summary>Salted PBKDF2 for gateway broker passwords: a leaked database must not yield working credentials.</summary>
public static class GatewaySecrets
{
    private const int Iterations = 50_000;
    private const string Scheme = "pbkdf2-sha256";

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(secret, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="stored"/> has the shape <see cref="Hash"/> writes.</summary>
    public static bool IsHash(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        return parts.Length == 4 && parts[0] == Scheme && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) && n > 0
            && Convert.TryFromBase64String(parts[2], new byte[64], out _) && Convert.TryFromBase64String(parts[3], new byte[64], out _);
    }

    /// <summary>A fresh random secret for a new gateway: 32 bytes, URL-safe base64.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(secret, Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, 32);
}
