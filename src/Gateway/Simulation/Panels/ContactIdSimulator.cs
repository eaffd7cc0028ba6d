using System.Text;
using AfterSales.Protocol.Panels.ContactId;

namespace AfterSales.Gateway.Simulation.Panels;

/// <summary>A central-station receiver printing each Contact ID message it receives from account 1234 on its serial output.</summary>
internal sealed class ContactIdSimulator : PanelSimulator
{
    protected override byte[] Message(SimulatedTrouble trouble, bool active, int zone)
    {
        var qualifier = active ? ContactIdEvent.QualifierNew : ContactIdEvent.QualifierRestore;
        var (code, onZone) = trouble switch
        {
            SimulatedTrouble.AcLoss => (301, 0),
            SimulatedTrouble.LowBattery => (302, 0),
            SimulatedTrouble.Tamper => (137, 0),
            SimulatedTrouble.ZoneTrouble => (380, zone),
            _ => throw new ArgumentOutOfRangeException(nameof(trouble), trouble, null),
        };
        return Encoding.ASCII.GetBytes(ContactIdCodec.Encode(new ContactIdEvent("1234", 18, qualifier, code, 1, onZone)) + "\r\n");
    }

    /// <summary>An AC-loss message whose check digit is off by one.</summary>
    protected override byte[] CorruptFrame() => "1234181301010000\r\n"u8.ToArray();
}
