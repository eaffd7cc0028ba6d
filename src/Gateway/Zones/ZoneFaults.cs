using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Zones;

/// <summary>Which maintenance fault a zone state stands for; normal and alarm are none.</summary>
internal static class ZoneFaults
{
    public static readonly string[] All = [FaultCodes.ZoneTamper, FaultCodes.ZoneShortCircuit, FaultCodes.ZoneOpenCircuit];

    public static string? Of(ZoneState state) => state switch
    {
        ZoneState.Normal or ZoneState.Alarm => null,
        ZoneState.Tamper => FaultCodes.ZoneTamper,
        ZoneState.ShortCircuit => FaultCodes.ZoneShortCircuit,
        ZoneState.OpenCircuit => FaultCodes.ZoneOpenCircuit,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown zone state."),
    };
}
