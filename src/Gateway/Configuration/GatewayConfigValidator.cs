using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Uplink;
using AfterSales.Gateway.Zones;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Topics;

namespace AfterSales.Gateway.Configuration;

/// <summary>
/// Checks what the JSON shape cannot: identifiers, ranges, fault codes, unique pins. Returns the
/// first problem as "field: reason" so the operator can go straight to the line in the file.
/// </summary>
internal static partial class GatewayConfigValidator
{
    private const string IdRule = "must be 1-64 characters of letters, digits, '-', '_' or '.'";

    public static string? Validate(GatewayConfig c)
    {
        return Id(c.SiteId, "siteId")
            ?? Id(c.GatewayId, "gatewayId")
            ?? (string.IsNullOrWhiteSpace(c.StateDirectory) ? "stateDirectory is missing" : null)
            ?? ValidateBroker(c.Broker)
            ?? (c.Outbox.MaxBytes < OutboxConfig.MinBytes ? $"outbox.maxBytes must be at least {OutboxConfig.MinBytes}" : null)
            ?? (c.HeartbeatIntervalSeconds is < 1 or > 3600 ? "heartbeatIntervalSeconds must be between 1 and 3600" : null)
            ?? (c.PollIntervalMilliseconds is < 1 or > 1000 ? "pollIntervalMilliseconds must be between 1 and 1000" : null)
            ?? (Enum.IsDefined(c.LogLevel) ? null : "logLevel must be 'debug', 'information', 'warning' or 'error'")
            ?? ValidateInputs(c.Inputs)
            ?? ValidateFieldInterfaces(c)
            ?? CameraConfigValidator.Validate(c.Cameras)
            ?? PowerConfigValidator.Validate(c.Power, c.Inputs)
            ?? ZonesConfigValidator.Validate(c.Zones);
    }

    private static string? Id(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field} is missing";
        }

        return SiteIds.IsValid(value) ? null : $"{field} '{value}' {IdRule}";
    }

    private static string? ValidateBroker(BrokerConfig b)
    {
        if (string.IsNullOrWhiteSpace(b.Host))
        {
            return "broker.host is missing";
        }

        if (b.Port is < 1 or > 65535)
        {
            return $"broker.port {b.Port} must be between 1 and 65535";
        }

        if (b.MaxInFlight is < 1 or > 65535)
        {
            return $"broker.maxInFlight {b.MaxInFlight} must be between 1 and 65535";
        }

        if (b.Password is not null && string.IsNullOrEmpty(b.Username))
        {
            return "broker.username is missing while broker.password is set";
        }

        if (!b.UseTls && (b.CaCertificate ?? b.ClientCertificate ?? b.ClientKey) is not null)
        {
            return "broker.useTls must be true when broker.caCertificate, broker.clientCertificate or broker.clientKey is set";
        }

        if ((b.ClientCertificate is null) != (b.ClientKey is null))
        {
            return b.ClientCertificate is null
                ? "broker.clientCertificate is missing while broker.clientKey is set"
                : "broker.clientKey is missing while broker.clientCertificate is set";
        }

        return TlsFiles.Check(b);
    }

    private static string? ValidateInputs(IReadOnlyList<InputConfig> inputs)
    {
        var pins = new Dictionary<int, int>();
        var faults = new Dictionary<(string, string), int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var at = $"inputs[{i}]";
            var problem = ValidateInput(input, at);
            if (problem is not null)
            {
                return problem;
            }

            if (!pins.TryAdd(input.Pin, i))
            {
                return $"{at}.pin {input.Pin} is already used by inputs[{pins[input.Pin]}]";
            }

            // Two inputs reporting the same fault of the same device would raise and clear each other's ticket.
            if (!faults.TryAdd((input.DeviceId, input.Fault), i))
            {
                return $"{at}.fault '{input.Fault}' of device '{input.DeviceId}' is already reported by inputs[{faults[(input.DeviceId, input.Fault)]}]";
            }
        }

        return null;
    }

    private static string? ValidateInput(InputConfig input, string at)
    {
        if (input.Pin < 0)
        {
            return $"{at}.pin is missing or negative";
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return $"{at}.name is missing";
        }

        var problem = Id(input.DeviceId, $"{at}.deviceId");
        if (problem is not null)
        {
            return problem;
        }

        if (!Enum.IsDefined(input.DeviceKind))
        {
            return $"{at}.deviceKind is not a known device kind";
        }

        if (!Enum.IsDefined(input.Contact))
        {
            return $"{at}.contact must be 'normallyClosed' or 'normallyOpen'";
        }

        if (string.IsNullOrEmpty(input.Fault))
        {
            return $"{at}.fault is missing";
        }

        // A well-formed code newer than this build's taxonomy is allowed, but only the operator can say how bad it is.
        if (!FaultCodes.IsKnown(input.Fault) && !(FaultCodes.IsWellFormed(input.Fault) && input.Severity is not null))
        {
            return FaultCodes.IsWellFormed(input.Fault)
                ? $"{at}.fault '{input.Fault}' is not a known fault code (give {at}.severity to use a new code)"
                : $"{at}.fault '{input.Fault}' is not a known fault code";
        }

        if (input.Severity is { } s && !Enum.IsDefined(s))
        {
            return $"{at}.severity must be 'critical', 'major' or 'minor'";
        }

        return input.DebounceMilliseconds is < 0 or > 60_000
            ? $"{at}.debounceMilliseconds must be between 0 and 60000"
            : null;
    }
}
