using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Salted PBKDF2 for gateway broker passwords: a leaked database must not yield working credentials.
/// New hashes are PBKDF2-HMAC-SHA512 with a 12-byte salt and a 64-byte key: exactly what Mosquitto's
/// password file holds (<c>$7$</c>), so the cloud can write Mosquitto's file from its registry without
/// ever knowing a password (docs/security.md, "Mosquitto"). Hashes of the older SHA-256 scheme still verify.
/// </summary>
public static class GatewaySecrets
{
    public const string Scheme = "pbkdf2-sha512";

    /// <summary>The scheme before Mosquitto's file was written from the registry; still accepted, not convertible.</summary>
    public const string OldScheme = "pbkdf2-sha256";

    /// <summary>For a secret a person chose (a seed, the command line): it may be guessable, so each guess costs.</summary>
    private const int Iterations = 50_000;

    /// <summary>
    /// For a secret the cloud issued (<see cref="Issue"/>: 32 random bytes). Iterations make guessing a
    /// guessable password from a leaked hash expensive; a 256-bit random secret cannot be guessed at any
    /// cost, so they would only slow every login. With 50 000 a check took 143 ms on this machine under
    /// load: a fleet reconnecting after a cloud restart waits for hours (docs/security.md, "Gateway secrets").
    /// </summary>
    private const int IssuedIterations = 1_000;

    /// <summary>Mosquitto 2 drops a <c>$7$</c> entry whose salt is not 12 bytes.</summary>
    private const int SaltBytes = 12;

    private const int KeyBytes = 64;

    /// <summary>The hash of a secret a person chose.</summary>
    public static string Hash(string secret) => Hash(secret, Iterations);

    /// <summary>A fresh random secret for a gateway and its hash (the secret is handed out once and never kept).</summary>
    public static (string Secret, string Hash) Issue()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, HashIssued(secret));
    }

    /// <summary>The hash of a secret <see cref="Issue"/> made, for one that was issued before issued secrets had their own cost.</summary>
    public static string HashIssued(string secret) => Hash(secret, IssuedIterations);

    /// <summary>True for a hash of the current scheme that costs more to check than an issued secret needs.</summary>
    public static bool CostsMoreThanIssued(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        return IsHash(stored) && parts[0] == Scheme && int.Parse(parts[1], CultureInfo.InvariantCulture) > IssuedIterations;
    }

    /// <summary>True when <paramref name="stored"/> has the shape <see cref="Hash"/> writes (either scheme).</summary>
    public static bool IsHash(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        return parts.Length == 4 && parts[0] is Scheme or OldScheme && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) && n > 0
            && Convert.TryFromBase64String(parts[2], new byte[64], out _) && Convert.TryFromBase64String(parts[3], new byte[64], out _);
    }

    public static bool Verify(string secret, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] is not (Scheme or OldScheme) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(parts[0], secret, Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The same hash as a line's password field in Mosquitto's password file, or null for a hash of the old scheme (the gateway needs a new secret).</summary>
    public static string? AsMosquittoHash(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (!IsHash(stored) || parts[0] != Scheme || !Convert.TryFromBase64String(parts[2], new byte[64], out var saltLength) || saltLength != SaltBytes)
        {
            return null;
        }

        return $"$7${parts[1]}${parts[2]}${parts[3]}";
    }

    private static string Hash(string secret, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(Scheme, secret, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    private static byte[] Derive(string scheme, string secret, byte[] salt, int iterations) => scheme == Scheme
        ? Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, KeyBytes)
        : Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, 32);
}
