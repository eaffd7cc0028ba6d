using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.DscIt100;

namespace AfterSales.Gateway.Simulation.Panels;

/// <summary>A DSC panel behind an IT-100: acknowledges poll 000, replays open troubles on status request 001.</summary>
internal sealed class It100Simulator : PanelSimulator
{
    protected override PanelFrameReader RequestReader => It100Reader.TryReadFrame;

    protected override void Answer(PanelDecodeResult request)
    {
        var command = request.Field("command") ?? string.Empty;
        Write(It100Codec.Encode("500", command));
        if (command == "001")
        {
            foreach (var (trouble, zone) in ActiveTroubles)
            {
                Write(Message(trouble, true, zone));
            }
        }
    }

    protected override byte[] Message(SimulatedTrouble trouble, bool active, int zone) => trouble switch
    {
        SimulatedTrouble.AcLoss => It100Codec.Encode(active ? "802" : "803"),
        SimulatedTrouble.LowBattery => It100Codec.Encode(active ? "800" : "801"),
        SimulatedTrouble.Tamper => It100Codec.Encode(active ? "829" : "830"),
        SimulatedTrouble.ZoneTrouble => It100Codec.Encode(active ? "605" : "606", zone.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(trouble), trouble, null),
    };

    /// <summary>AC trouble with a checksum that does not add up.</summary>
    protected override byte[] CorruptFrame() => "80200\r\n"u8.ToArray();
}
