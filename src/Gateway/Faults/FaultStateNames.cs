using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Faults;

/// <summary>Log lines use the wire spelling so they can be grepped alongside broker traces.</summary>
internal static class FaultStateNames
{
    public static string Of(FaultState state) => state switch
    {
        FaultState.Raised => "raised",
        FaultState.Cleared => "cleared",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown fault state."),
    };
}
