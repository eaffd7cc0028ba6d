using System.Security.Cryptography;
using AfterSales.Protocol.Contracts;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Provisioning;

/// <summary>
/// The private key that signs site configs (docs/security.md, "Site config"), read from
/// <see cref="SiteConfigOptions.SigningKeyFile"/>. A single node creates it on first start, readable by
/// its own user only; every further node gets a copy of the same file.
/// </summary>
internal sealed partial class ConfigSigningKeyStore : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create();

    public ConfigSigningKeyStore(IOptions<SiteConfigOptions> options, ILogger<ConfigSigningKeyStore> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Relative to the working directory, like the SQLite file: the service's state directory.
        var path = Path.GetFullPath(options.Value.SigningKeyFile);
        if (!File.Exists(path))
        {
            CreateOnce(path, log);
        }

        _key.ImportFromPem(File.ReadAllText(path));
        KeyId = ConfigSignature.KeyId(_key);
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        LogLoaded(log, KeyId, path);
    }

    public string KeyId { get; }

    /// <summary>What a gateway is given (<c>cloudConfigKey</c>) to check the signatures.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Writes a new key beside the target and moves it into place, so two nodes starting at once keep one key.</summary>
    private static void CreateOnce(string path, ILogger log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var draft = path + "." + Guid.NewGuid().ToString("N");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(draft, key.ExportPkcs8PrivateKeyPem());
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(draft, path, overwrite: false);
            LogCreated(log, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(draft);
        }
    }

    public string Sign(ReadOnlySpan<byte> payload) => ConfigSignature.Sign(payload, _key);

    public void Dispose() => _key.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created a new site-config signing key at {Path}: give every gateway its public key (GET /api/v1/config-signing-key) and copy the file to every other cloud node")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site configs are signed with key {KeyId} from {Path}")]
    private static partial void LogLoaded(ILogger logger, string keyId, string path);
}
