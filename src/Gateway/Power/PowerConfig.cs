namespace AfterSales.Gateway.Power;

/// <summary>
/// The INA219 on the gateway's 12 V input (<c>power</c> in gateway.json). The defaults fit a 13.8 V
/// alarm PSU with a 12 V lead-acid standby battery: on mains it floats at 13.6–13.8 V, on battery it
/// sinks to 12.8 V and below, and under 11.5 V the battery is nearly flat.
/// </summary>
internal sealed record PowerConfig
{
    public string DeviceId { get; set; } = "power";

    public int I2cBus { get; set; } = 1;

    /// <summary>7-bit address; 64 (0x40) with A0 and A1 to ground.</summary>
    public int Address { get; set; } = 0x40;

    public double ShuntOhms { get; set; } = 0.1;

    /// <summary>The largest current to measure; sets the calibration (current resolution = this / 32768).</summary>
    public double MaxCurrentAmps { get; set; } = 3.2;

    public int IntervalMilliseconds { get; set; } = 1000;

    /// <summary>How long a threshold must stay crossed before the fault changes; rides out a siren's inrush dip.</summary>
    public int HoldSeconds { get; set; } = 5;

    /// <summary>False when the PSU's "AC fail" relay is wired to an input reporting <c>power.mains_loss</c> instead.</summary>
    public bool DetectMainsLoss { get; set; } = true;

    public double MainsLossBelowVolts { get; set; } = 13.0;

    public double MainsRestoredAboveVolts { get; set; } = 13.4;

    public double UndervoltageBelowVolts { get; set; } = 11.5;

    public double UndervoltageRestoredAboveVolts { get; set; } = 12.2;

    internal TimeSpan Interval => TimeSpan.FromMilliseconds(IntervalMilliseconds);

    internal TimeSpan Hold => TimeSpan.FromSeconds(HoldSeconds);
}
