using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AfterSales.Gateway.Uplink;

/// <summary>Loads the TLS files named in <c>broker</c>; checked at start-up so a wrong path stops the gateway with the field's name.</summary>
internal static class TlsFiles
{
    public static string? Check(BrokerConfig b)
    {
        try
        {
            if (b.CaCertificate is not null)
            {
                _ = LoadCa(b.CaCertificate);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"broker.caCertificate '{b.CaCertificate}' cannot be used: {ex.Message}";
        }

        try
        {
            if (b.ClientCertificate is not null && b.ClientKey is not null)
            {
                using var _ = LoadClient(b.ClientCertificate, b.ClientKey);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // The key file's content is never part of the message, only its path.
            return $"broker.clientCertificate '{b.ClientCertificate}' with broker.clientKey '{b.ClientKey}' cannot be used: {ex.Message}";
        }

        return null;
    }

    public static X509Certificate2Collection LoadCa(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        if (collection.Count == 0)
        {
            throw new CryptographicException("the file holds no PEM certificate");
        }

        return collection;
    }

    public static X509Certificate2 LoadClient(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

        // SslStream on Linux wants a certificate whose key is not ephemeral; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
