using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Support;

internal static class OutboxEvents
{
    public static FaultEvent Fault(long seq, string deviceId = "panel", string fault = FaultCodes.PanelAcLoss, FaultState state = FaultState.Raised) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = "site-001",
        GatewayId = "gw-001",
        Seq = seq,
        DeviceId = deviceId,
        DeviceKind = DeviceKind.Panel,
        Fault = fault,
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero),
    };
}
