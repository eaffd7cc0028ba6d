using System.Net;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class BrokerOptionsValidator : IValidateOptions<Mqtt.BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, Mqtt.BrokerOptions options) => new OptionChecks(Mqtt.BrokerOptions.Section)
        .Range(nameof(options.Port), options.Port, 1, 65535)
        .Require(nameof(options.BindAddress), !options.Embedded || IPAddress.TryParse(options.BindAddress, out _), $"'{options.BindAddress}' is not an IP address (e.g. 0.0.0.0 or 127.0.0.1).")
        .Require(nameof(options.Host), options.Embedded || !string.IsNullOrWhiteSpace(options.Host), "is required with an external broker (Broker:Embedded=false).")
        .Require(nameof(options.Password), string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password), "is empty but Broker:Username is set.")
        .Require(nameof(options.ClientId), !string.IsNullOrWhiteSpace(options.ClientId), "must not be empty.")
        .Result();
}
