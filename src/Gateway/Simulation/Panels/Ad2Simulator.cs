using System.Globalization;
using System.Text;

namespace AfterSales.Gateway.Simulation.Panels;

/// <summary>
/// A Honeywell Vista behind an AlarmDecoder: repeats the keypad message every few seconds, as the panel refreshes its
/// keypads, with the AC, low battery and check-zone bits set from the active troubles.
/// </summary>
internal sealed class Ad2Simulator(TimeProvider time) : PanelSimulator
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(4);

    private ITimer? _refresh;

    public override void Dispose()
    {
        _refresh?.Dispose();
        base.Dispose();
    }

    protected override void Started() =>
        _refresh = time.CreateTimer(_ => Refresh(), null, TimeSpan.Zero, RefreshInterval);

    /// <summary>AD2 reports state, so a change is just the next keypad message, sent now rather than at the next refresh.</summary>
    protected override byte[] Message(SimulatedTrouble trouble, bool active, int zone) => Keypad();

    protected override byte[] CorruptFrame() => "[0000000X000000000A--],008,[f70000051008008008000000000000],\"GARBLED\"\r\n"u8.ToArray();

    private void Refresh()
    {
        if (!Silent)
        {
            Write(Keypad());
        }
    }

    private byte[] Keypad()
    {
        var troubles = ActiveTroubles;
        var bits = "10000001000000000A--".ToCharArray();
        bits[7] = troubles.ContainsKey(SimulatedTrouble.AcLoss) ? '0' : '1';
        bits[11] = troubles.ContainsKey(SimulatedTrouble.LowBattery) ? '1' : '0';
        var zone = troubles.TryGetValue(SimulatedTrouble.ZoneTrouble, out var z) ? z : 0;
        bits[14] = zone > 0 ? '1' : '0';
        bits[0] = troubles.Count == 0 ? '1' : '0';
        var text = troubles.Count == 0 ? "****DISARMED****  Ready to Arm  " : "SYSTEM TROUBLE                  ";
        return Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"[{new string(bits)}],{zone:D3},[f70000051008008008000000000000],\"{text}\"\r\n"));
    }
}
