using System.Security.Cryptography;
using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.RemoteConfig;

/// <summary>
/// The cloud's public key (<c>cloudConfigKey</c> in gateway.json, the PEM from <c>GET /api/v1/config-signing-key</c>),
/// the only thing that tells a site config from the cloud from a forged one (docs/security.md, "Site config").
/// </summary>
internal sealed class CloudConfigKey : IDisposable
{
    private readonly ECDsa _key;

    private CloudConfigKey(ECDsa key)
    {
        _key = key;
        Id = ConfigSignature.KeyId(key);
    }

    /// <summary>The key's short name, as the cloud sends it in <c>kid</c>.</summary>
    public string Id { get; }

    /// <summary>Reads the PEM file; throws with the reason when it holds no P-256 public key.</summary>
    public static CloudConfigKey Load(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256)
            {
                throw new CryptographicException($"the key is {key.KeySize} bits; the cloud signs with P-256");
            }

            return new CloudConfigKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Says why the file named in gateway.json cannot be used, or null; checked at start so a wrong path stops the gateway.</summary>
    public static string? Check(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            using var _ = Load(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return $"cloudConfigKey '{path}' cannot be used: {ex.Message}";
        }
    }

    public bool Verifies(OfferedConfig offered) => ConfigSignature.Verify(offered.Payload, offered.Signature, _key);

    public void Dispose() => _key.Dispose();
}
