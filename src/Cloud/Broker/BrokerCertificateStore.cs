using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AfterSales.Cloud.Mqtt;

namespace AfterSales.Cloud.Broker;

/// <summary>
/// The broker's certificate files: loads the configured one for the TLS listener, and writes a small
/// install's site CA and broker certificate (<c>broker-certificate</c> command). Private keys are
/// written readable by the service's own user only (0600), public certificates by all (0644).
/// </summary>
public static class BrokerCertificateStore
{
    public const string CaCertificateName = "ca.pem";
    public const string CaKeyName = "ca-key.pem";
    public const string ServerPfxName = "broker.pfx";
    public const string ServerCertificateName = "broker.pem";
    public const string ServerKeyName = "broker-key.pem";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>What <see cref="Issue"/> did, for the operator.</summary>
    public sealed record Issued(string Directory, bool KeptCa, X509Certificate2 Ca, X509Certificate2 Server);

    /// <summary>
    /// The broker's certificate with its private key, from a PFX or a PEM pair. SslStream on Linux
    /// wants a key that is not ephemeral, which a PKCS#12 round trip gives a PEM-loaded one.
    /// </summary>
    public static X509Certificate2 Load(BrokerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var file = o.TlsCertificateFile ?? throw new InvalidOperationException("Broker:TlsCertificateFile is not set.");
        if (!string.IsNullOrWhiteSpace(o.TlsKeyFile))
        {
            using var pem = X509Certificate2.CreateFromPemFile(file, o.TlsKeyFile);
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, o.TlsCertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException("the file holds no private key (a PEM certificate needs Broker:TlsKeyFile)");
        }

        return certificate;
    }

    /// <summary>Why the configured certificate cannot be used (worded after the setting's name), or null; checked at start so a wrong path stops the service with the setting's name.</summary>
    public static string? CertificateProblem(BrokerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        try
        {
            using var certificate = Load(o);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // Never the key's content, only the paths.
            return $"'{o.TlsCertificateFile}'{(o.TlsKeyFile is { Length: > 0 } k ? $" with Broker:TlsKeyFile '{k}'" : string.Empty)} cannot be used: {ex.Message}";
        }
    }

    /// <summary>Why the CA certificate handed to gateways cannot be used, or null.</summary>
    public static string? CaProblem(BrokerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.TlsCaCertificateFile is not { Length: > 0 } path)
        {
            return null;
        }

        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            return collection.Count == 0 ? $"'{path}' holds no PEM certificate." : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"'{path}' cannot be used: {ex.Message}";
        }
    }

    /// <summary>
    /// Writes a broker certificate for <paramref name="hosts"/> and <paramref name="addresses"/> into
    /// <paramref name="directory"/>. A CA already there (ca.pem and ca-key.pem) signs it, so renewing the
    /// broker's certificate needs nothing new on the gateways; without one, or with <paramref name="newCa"/>, a new CA is made.
    /// </summary>
    public static Issued Issue(string directory, string caName, IReadOnlyList<string> hosts, IReadOnlyList<IPAddress> addresses, int days, bool newCa, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var caPath = Path.Combine(directory, CaCertificateName);
        var caKeyPath = Path.Combine(directory, CaKeyName);
        var keep = !newCa && File.Exists(caPath) && File.Exists(caKeyPath);
        var ca = keep ? LoadPem(caPath, caKeyPath) : BrokerCertificateBuilder.CreateCa(caName, now);
        var server = BrokerCertificateBuilder.CreateServer(ca, hosts, addresses, now, days);
        if (!keep)
        {
            Write(caKeyPath, ca.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), Private);
            Write(caPath, ca.ExportCertificatePem(), Public);
        }

        Write(Path.Combine(directory, ServerKeyName), server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), Private);

        // The broker's certificate followed by its issuer: Mosquitto's certfile sends the whole chain.
        Write(Path.Combine(directory, ServerCertificateName), server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem(), Public);
        ProtectedFileStore.Write(Path.Combine(directory, ServerPfxName), server.Export(X509ContentType.Pkcs12), Private);
        return new Issued(directory, keep, ca, server);
    }

    private static X509Certificate2 LoadPem(string certificate, string key)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificate, key);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static void Write(string path, string text, UnixFileMode mode) => ProtectedFileStore.Write(path, System.Text.Encoding.ASCII.GetBytes(text + "\n"), mode);
}
