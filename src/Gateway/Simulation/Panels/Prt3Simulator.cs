using System.Globalization;
using System.Text;
using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.ParadoxPrt3;

namespace AfterSales.Gateway.Simulation.Panels;

/// <summary>A Paradox panel behind a PRT3: answers area status requests and reports troubles as G036/G037, G038/G039, G042/G044 events.</summary>
internal sealed class Prt3Simulator : PanelSimulator
{
    protected override PanelFrameReader RequestReader => Prt3Reader.TryReadFrame;

    protected override void Answer(PanelDecodeResult request)
    {
        if (request.Field("type") == "area status request")
        {
            var trouble = ActiveTroubles.Count > 0 ? 'T' : 'O';
            Write(Line($"RA{request.Field("number")}DO{trouble}OOOO"));
        }
    }

    protected override byte[] Message(SimulatedTrouble trouble, bool active, int zone) => trouble switch
    {
        SimulatedTrouble.AcLoss => Event(active ? 36 : 37, 1),
        SimulatedTrouble.LowBattery => Event(active ? 36 : 37, 2),
        SimulatedTrouble.Tamper => Event(active ? 38 : 39, 1),
        SimulatedTrouble.ZoneTrouble => Event(active ? 42 : 44, zone),
        _ => throw new ArgumentOutOfRangeException(nameof(trouble), trouble, null),
    };

    protected override byte[] CorruptFrame() => Line("G0X6N001A001");

    private static byte[] Event(int group, int number) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"G{group:D3}N{number:D3}A001"));

    private static byte[] Line(string text) => Encoding.ASCII.GetBytes(text + "\r");
}
