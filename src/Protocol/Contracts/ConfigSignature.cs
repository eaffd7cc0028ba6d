using System.Security.Cryptography;

namespace AfterSales.Protocol.Contracts;

/// <summary>
/// The cloud signs every retained site config; a gateway applies only a config whose signature its
/// copy of the cloud's public key verifies. The signature covers the exact payload bytes and travels
/// beside them as MQTT v5 user properties, so the payload's schema does not change. ECDSA P-256
/// with SHA-256, signature in IEEE P1363 form (r ‖ s), base64.
/// </summary>
public static class ConfigSignature
{
    /// <summary>User property carrying the base64 signature.</summary>
    public const string SignatureProperty = "sig";

    /// <summary>User property naming the key that signed, so a key rotation is visible in logs.</summary>
    public const string KeyIdProperty = "kid";

    /// <summary>How far ahead of the gateway's clock a config may have been issued (clock skew), and no more.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public static string Sign(ReadOnlySpan<byte> payload, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public static bool Verify(ReadOnlySpan<byte> payload, string? signature, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var bytes = new byte[(signature.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && publicKey.VerifyData(payload, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>A short, stable name of a key: the first 8 bytes of the SHA-256 of its public key, hex.</summary>
    public static string KeyId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 8));
    }

    /// <summary>
    /// A signed config issued further ahead than <see cref="FutureTolerance"/> could pin the gateway to
    /// a version nothing newer can replace; it is refused rather than applied.
    /// </summary>
    public static bool IsFromTheFuture(SiteConfig config, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.IssuedAt > now + FutureTolerance;
    }
}
