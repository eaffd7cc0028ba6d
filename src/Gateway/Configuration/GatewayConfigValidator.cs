using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Telemetry;
using AfterSales.Gateway.Uplink;
using AfterSales.Gateway.Zones;
using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Configuration;

/// <summary>
/// Checks what the JSON shape cannot: identifiers, ranges, fault codes, unique pins. Returns the
/// first problem as "field: reason" so the operator can go straight to the line in the file.
/// </summary>
internal static partial class GatewayConfigValidator
{
    public static string? Validate(GatewayConfig c)
    {
        return DeviceId(c.SiteId, "siteId")
            ?? DeviceId(c.GatewayId, "gatewayId")
            ?? (string.IsNullOrWhiteSpace(c.StateDirectory) ? "stateDirectory is missing" : null)
            ?? BrokerConfigValidator.Validate(c.Broker)
            ?? CloudConfigKey.Check(c.CloudConfigKey)
            ?? (c.Outbox.MaxBytes < OutboxConfig.MinBytes ? $"outbox.maxBytes must be at least {OutboxConfig.MinBytes}" : null)
            ?? (c.HeartbeatIntervalSeconds is < 1 or > 3600 ? "heartbeatIntervalSeconds must be between 1 and 3600" : null)
            ?? (c.PollIntervalMilliseconds is < 1 or > 1000 ? "pollIntervalMilliseconds must be between 1 and 1000" : null)
            ?? (Enum.IsDefined(c.LogLevel) ? null : "logLevel must be 'debug', 'information', 'warning' or 'error'")
            ?? InputsConfigValidator.Validate(c.Inputs)
            ?? ValidateFieldInterfaces(c)
            ?? CameraConfigValidator.Validate(c.Cameras)
            ?? PowerConfigValidator.Validate(c.Power, c.Inputs)
            ?? ZonesConfigValidator.Validate(c.Zones)
            ?? TelemetryConfig.Validate(c.Telemetry);
    }
}
