using System.Net;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class BrokerOptionsValidator : IValidateOptions<Mqtt.BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, Mqtt.BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = TlsProblem(options, Broker.BrokerCertificateStore.CertificateProblem);
        var ca = TlsProblem(options, Broker.BrokerCertificateStore.CaProblem);
        return new OptionChecks(Mqtt.BrokerOptions.Section)
        .Range(nameof(options.Port), options.Port, 1, 65535)
        .Require(nameof(options.BindAddress), !options.Embedded || IPAddress.TryParse(options.BindAddress, out _), $"'{options.BindAddress}' is not an IP address (e.g. 0.0.0.0 or 127.0.0.1).")
        .Range(nameof(options.TlsPort), options.TlsPort, 1, 65535)
        .Range(nameof(options.MaxPacketBytes), options.MaxPacketBytes, 1024, 256 * 1024 * 1024)
        .Require(nameof(options.TlsPort), !options.Embedded || !options.TlsEnabled || options.TlsPort != options.Port, $"must differ from Broker:Port ({options.Port}): plain and TLS listeners need a port each.")
        .Require(nameof(options.TlsCertificateFile), certificate is null, certificate ?? string.Empty)
        .Require(nameof(options.TlsCaCertificateFile), ca is null, ca ?? string.Empty)
        .Require(nameof(options.Host), options.Embedded || !string.IsNullOrWhiteSpace(options.Host), "is required with an external broker (Broker:Embedded=false).")
        .Require(nameof(options.Password), string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password), "is empty but Broker:Username is set.")
        .Require(nameof(options.ClientId), !string.IsNullOrWhiteSpace(options.ClientId), "must not be empty.")
        .Result();
    }

    /// <summary>The TLS files matter only where the embedded broker listens with TLS.</summary>
    private static string? TlsProblem(Mqtt.BrokerOptions options, Func<Mqtt.BrokerOptions, string?> check) =>
        options.Embedded && options.TlsEnabled ? check(options) : null;
}
