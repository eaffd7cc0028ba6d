using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>A site CA, a broker certificate for 127.0.0.1 and a gateway client certificate, made fresh per test as PEM files.</summary>
internal sealed class TestCertificates
{
    public TestCertificates(TempDirectory directory, string prefix = "")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={prefix}AfterSales Test Site CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        CaFile = Write(directory, prefix + "ca.pem", ca.ExportCertificatePem());
        (ServerCertificateFile, ServerKeyFile) = Issue(directory, prefix + "server", ca, caKey, server: true);
        (ClientCertificateFile, ClientKeyFile) = Issue(directory, prefix + "client", ca, caKey, server: false);
    }

    public string CaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    private static (string Certificate, string Key) Issue(TempDirectory directory, string name, X509Certificate2 ca, ECDsa caKey, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(server ? "CN=127.0.0.1" : "CN=gw-001", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        return (Write(directory, name + ".pem", issued.ExportCertificatePem()), Write(directory, name + ".key", key.ExportPkcs8PrivateKeyPem()));
    }

    private static string Write(TempDirectory directory, string name, string pem)
    {
        var path = directory.File(name);
        File.WriteAllText(path, pem);
        return path;
    }
}
