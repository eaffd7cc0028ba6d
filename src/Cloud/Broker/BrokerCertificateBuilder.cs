using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AfterSales.Cloud.Broker;

/// <summary>
/// Makes a small install's certificates for the embedded broker (docs/security.md, "MQTT over TLS"):
/// a site CA, which the gateways trust, and a broker certificate it signs for the names and addresses
/// the gateways dial. ECDSA P-256: short keys, fast handshakes on a gateway board, supported by
/// .NET's TLS and by OpenSSL (Mosquitto).
/// </summary>
public static class BrokerCertificateBuilder
{
    /// <summary>The CA outlives several broker certificates, so renewing the broker's touches no gateway.</summary>
    public const int CaDays = 3650;

    /// <summary>At most 825 days: what clients that follow the CA/Browser Forum rules still accept.</summary>
    public const int DefaultServerDays = 825;

    public static X509Certificate2 CreateCa(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(CommonName(name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(CaDays));
    }

    /// <summary>The broker's certificate for <paramref name="hosts"/> and <paramref name="addresses"/>, signed by <paramref name="ca"/> (which must hold its key).</summary>
    public static X509Certificate2 CreateServer(X509Certificate2 ca, IReadOnlyList<string> hosts, IReadOnlyList<IPAddress> addresses, DateTimeOffset now, int days)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(addresses);
        if (hosts.Count + addresses.Count == 0)
        {
            throw new ArgumentException("A broker certificate needs at least one host name or address the gateways dial.", nameof(hosts));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = hosts.Count > 0 ? hosts[0] : addresses[0].ToString();
        var request = new CertificateRequest(CommonName(subject), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            names.AddDnsName(host);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));

        // Never past the CA's own end: a chain with a child outliving its issuer fails at that date anyway.
        var notAfter = now.AddDays(days) < ca.NotAfter ? now.AddDays(days) : new DateTimeOffset(ca.NotAfter);
        using var signed = request.Create(ca, now.AddMinutes(-5), notAfter, RandomNumberGenerator.GetBytes(16));
        return signed.CopyWithPrivateKey(key);
    }

    private static X500DistinguishedName CommonName(string name)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(name);
        return builder.Build();
    }
}
