namespace AfterSales.Protocol.Panels;

/// <summary>
/// Fault codes the panel codecs emit that are not yet in <see cref="Faults.FaultCodes"/>.
/// Kept here so the taxonomy file changes in its own reviewed commit; move them there
/// (extend, never rename) and these become aliases.
/// </summary>
public static class PanelFaultCodes
{
    /// <summary>A wireless sensor reports its battery low (Contact ID 384, SIA XT, IT-100 821).</summary>
    public const string ZoneLowBattery = "zone.low_battery";
}
