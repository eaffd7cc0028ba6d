using System.Text;
using System.Text.Json;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;

namespace AfterSales.Protocol.Tests.Contracts;

/// <summary>
/// The golden files are the wire contract: if one of these fails, a deployed gateway or cloud
/// would stop understanding the other. Change a golden file only together with a schema version.
/// </summary>
public sealed class GoldenContractTests
{
    private static byte[] Golden(string name) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name)).TrimEnd());

    public static FaultEvent SampleEvent() => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.Parse("019a8f2e-7c40-7a3b-9d2e-5f1a2b3c4d5e"),
        SiteId = "site-001",
        GatewayId = "gw-001",
        Seq = 42,
        DeviceId = "panel",
        DeviceKind = DeviceKind.Panel,
        Fault = FaultCodes.PanelAcLoss,
        State = FaultState.Raised,
        Severity = FaultSeverity.Major,
        OccurredAt = new DateTimeOffset(2026, 11, 23, 8, 15, 30, TimeSpan.Zero),
        Detail = JsonSerializer.SerializeToElement(
            new Dictionary<string, string> { ["pin"] = "3", ["contact"] = "normallyClosed" },
            ProtocolJsonContext.Default.DictionaryStringString),
    };

    [Fact]
    public void FaultEvent_Encode_MatchesGoldenBytes()
    {
        Assert.Equal(Encoding.UTF8.GetString(Golden("fault-event.json")), Encoding.UTF8.GetString(PayloadCodec.Encode(SampleEvent())));
    }

    [Fact]
    public void FaultEvent_DecodeGolden_GivesEveryField()
    {
        var result = PayloadCodec.DecodeFaultEvent(Golden("fault-event.json"));

        Assert.True(result.IsValid, result.Error);
        var e = result.Value;
        var expected = SampleEvent();
        Assert.Equal(expected with { Detail = null }, e with { Detail = null });
        Assert.Equal("3", e.Detail!.Value.GetProperty("pin").GetString());
    }

    [Fact]
    public void Status_RoundTrip_MatchesGoldenBytes()
    {
        var status = new GatewayStatus
        {
            State = GatewayState.Offline,
            GatewayId = "gw-001",
            Version = "1.0.0",
            At = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
        };

        Assert.Equal(Golden("status-offline.json"), PayloadCodec.Encode(status));
        Assert.Equal(status, PayloadCodec.DecodeStatus(Golden("status-offline.json")).Value);
    }

    [Fact]
    public void Heartbeat_RoundTrip_MatchesGoldenBytes()
    {
        var heartbeat = new Heartbeat
        {
            GatewayId = "gw-001",
            At = new DateTimeOffset(2026, 11, 23, 8, 15, 0, TimeSpan.Zero),
            UptimeS = 900,
            OutboxDepth = 0,
            ActiveFaults = 2,
        };

        Assert.Equal(Golden("heartbeat.json"), PayloadCodec.Encode(heartbeat));
        Assert.Equal(heartbeat, PayloadCodec.DecodeHeartbeat(Golden("heartbeat.json")).Value);
    }

    [Fact]
    public void SiteConfig_RoundTrip_MatchesGoldenBytes()
    {
        var config = new SiteConfig
        {
            Schema = SiteConfig.SchemaV1,
            SiteId = "site-001",
            Version = 7,
            IssuedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
            Devices =
            [
                new SiteDevice { DeviceId = "panel", DeviceKind = DeviceKind.Panel, Name = "Main alarm panel", Model = "DSC PC1864", Serial = "A1B2C3" },
                new SiteDevice { DeviceId = "cam-01", DeviceKind = DeviceKind.Camera, Name = "Gate camera", Address = "192.0.2.21" },
            ],
            Checks = new CheckSettings { HeartbeatIntervalS = 30 },
        };

        Assert.Equal(Encoding.UTF8.GetString(Golden("site-config.json")), Encoding.UTF8.GetString(PayloadCodec.Encode(config)));
        var decoded = PayloadCodec.DecodeConfig(Golden("site-config.json"));
        Assert.True(decoded.IsValid, decoded.Error);
        Assert.Equal(config.Devices, decoded.Value.Devices);
        Assert.Equal(config.Checks, decoded.Value.Checks);
    }
}
