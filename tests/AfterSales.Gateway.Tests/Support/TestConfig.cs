using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Support;

internal static class TestConfig
{
    public static InputConfig Input(
        int pin = 17,
        ContactType contact = ContactType.NormallyClosed,
        int debounceMs = 200,
        string fault = FaultCodes.PanelAcLoss,
        FaultSeverity? severity = null,
        string deviceId = "panel",
        DeviceKind kind = DeviceKind.Panel) => new()
        {
            Pin = pin,
            Name = $"Input on pin {pin}",
            DeviceId = deviceId,
            DeviceKind = kind,
            Fault = fault,
            Contact = contact,
            DebounceMilliseconds = debounceMs,
            Severity = severity,
        };

    public static GatewayConfig Gateway(params InputConfig[] inputs) => new()
    {
        SiteId = "site-001",
        GatewayId = "gw-001",
        StateDirectory = Path.GetTempPath(),
        Broker = new BrokerConfig { Host = "127.0.0.1", Port = 1883 },
        PollIntervalMilliseconds = 10,
        Inputs = inputs,
    };
}
