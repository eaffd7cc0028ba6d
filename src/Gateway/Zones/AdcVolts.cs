using AfterSales.Gateway.Board;

namespace AfterSales.Gateway.Zones;

/// <summary>The MCP3008's 10-bit code as volts: code × Vref / 1024 (datasheet DS21295, equation 4-2).</summary>
internal static class AdcVolts
{
    /// <summary>Eight single-ended inputs on the MCP3008.</summary>
    public const int Channels = 8;

    public static double Of(int code, double referenceVolts) => code * referenceVolts / 1024;

    /// <summary>
    /// A bus failure, or an answer without the chip's null bit (Iot.Device.Adc refuses it: MISO floating or not wired),
    /// which is a wiring fault of the board, not a reading of every zone.
    /// </summary>
    public static bool IsReadFailure(Exception ex) => BoardBuses.IsBusFailure(ex) || ex is InvalidOperationException;
}
