using System.Security.Cryptography;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>Plays the cloud's signing key: a fresh P-256 key whose public half is written as the PEM file a gateway is given.</summary>
internal sealed class CloudSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public CloudSigner(string directory)
    {
        PublicKeyFile = Path.Combine(directory, "config-signing-key-" + Guid.NewGuid().ToString("N")[..8] + ".pem");
        File.WriteAllText(PublicKeyFile, _key.ExportSubjectPublicKeyInfoPem());
    }

    public string PublicKeyFile { get; }

    public string KeyId => ConfigSignature.KeyId(_key);

    public CloudConfigKey LoadPublicKey() => CloudConfigKey.Load(PublicKeyFile);

    public OfferedConfig Sign(SiteConfig config) => Sign(PayloadCodec.Encode(config));

    public OfferedConfig Sign(byte[] payload) => new(payload, ConfigSignature.Sign(payload, _key), KeyId);

    public void Dispose() => _key.Dispose();
}
