using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.AlarmDecoder;
using AfterSales.Protocol.Panels.ContactId;
using AfterSales.Protocol.Panels.DscIt100;
using AfterSales.Protocol.Panels.ParadoxPrt3;

namespace AfterSales.Gateway.Panels;

/// <summary>
/// What a serial panel session needs to know about one protocol: how to cut frames, what to send on connect and on
/// every poll, and how long silence may last before it means the panel has stopped talking.
/// </summary>
internal sealed record SerialPanelProtocol(
    string Name,
    int DefaultBaudRate,
    PanelFrameReader ReadFrame,
    IReadOnlyList<byte[]> OnConnect,
    IReadOnlyList<byte[]> OnPoll,
    int DefaultMissedPolls)
{
    /// <summary>The protocols a panel session speaks; DC-09 comes over the LAN and Pelco-D is the PTZ bus.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [PanelFrameDecoder.DscIt100, PanelFrameDecoder.Ad2, PanelFrameDecoder.ParadoxPrt3, PanelFrameDecoder.ContactId];

    public static SerialPanelProtocol? Find(string name) => name switch
    {
        // Poll 000 is answered with 500000; status request 001 replays every open trouble, so the gateway learns
        // the panel's state on connect instead of waiting for the next change.
        PanelFrameDecoder.DscIt100 => new(name, 9600, It100Reader.TryReadFrame, [It100Codec.StatusRequest()], [It100Codec.Poll()], 3),

        // The AD2 repeats the keypad display every few seconds by itself, so it needs no poll: silence is the fault.
        PanelFrameDecoder.Ad2 => new(name, 115200, Ad2Reader.TryReadFrame, [], [], 3),

        // Area 1 status both proves the PRT3 alive and, through its own COMM&fail, the panel behind it.
        PanelFrameDecoder.ParadoxPrt3 => new(name, 57600, Prt3Reader.TryReadFrame, [Prt3Codec.AreaStatusRequest(1)], [Prt3Codec.AreaStatusRequest(1)], 3),

        // A receiver's serial output is silent when nothing happens, so silence proves nothing by default.
        PanelFrameDecoder.ContactId => new(name, 9600, ContactIdReader.TryReadFrame, [], [], 0),
        _ => null,
    };
}
