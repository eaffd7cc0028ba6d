namespace AfterSales.Gateway.Zones;

/// <summary>
/// Voltage bands at the ADC input, upper bounds rising: below <see cref="ShortBelowVolts"/> a short,
/// then normal, alarm, tamper, and from <see cref="TamperBelowVolts"/> up an open circuit.
/// The defaults fit docs/gateway.md's wiring: 4.7 kΩ pull-up to 3.3 V, 4.7 kΩ EOL, 4.7 kΩ across the
/// alarm contact, 22 kΩ across the tamper contact (nominal 0, 1.65, 2.20, 2.81, 3.30 V).
/// </summary>
internal sealed record ZoneBands
{
    public double ShortBelowVolts { get; set; } = 0.80;

    public double NormalBelowVolts { get; set; } = 1.95;

    public double AlarmBelowVolts { get; set; } = 2.55;

    /// <summary>Set equal to <see cref="AlarmBelowVolts"/> for plain double-EOL wiring, where a tamper reads as an open loop.</summary>
    public double TamperBelowVolts { get; set; } = 3.10;

    public ZoneState Classify(double volts) => volts switch
    {
        _ when volts < ShortBelowVolts => ZoneState.ShortCircuit,
        _ when volts < NormalBelowVolts => ZoneState.Normal,
        _ when volts < AlarmBelowVolts => ZoneState.Alarm,
        _ when volts < TamperBelowVolts => ZoneState.Tamper,
        _ => ZoneState.OpenCircuit,
    };

    /// <summary>A voltage in the middle of a state's band, for simulators that wire a loop into that state.</summary>
    public double Nominal(ZoneState state, double referenceVolts) => state switch
    {
        ZoneState.ShortCircuit => ShortBelowVolts / 2,
        ZoneState.Normal => (ShortBelowVolts + NormalBelowVolts) / 2,
        ZoneState.Alarm => (NormalBelowVolts + AlarmBelowVolts) / 2,
        ZoneState.Tamper => (AlarmBelowVolts + TamperBelowVolts) / 2,
        ZoneState.OpenCircuit => (TamperBelowVolts + referenceVolts) / 2,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown zone state."),
    };
}
