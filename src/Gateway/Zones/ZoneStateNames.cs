namespace AfterSales.Gateway.Zones;

/// <summary>The spelling used in fault details, config and simulation commands.</summary>
internal static class ZoneStateNames
{
    public static string Of(ZoneState state) => state switch
    {
        ZoneState.Normal => "normal",
        ZoneState.Alarm => "alarm",
        ZoneState.Tamper => "tamper",
        ZoneState.ShortCircuit => "shortCircuit",
        ZoneState.OpenCircuit => "openCircuit",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown zone state."),
    };
}
