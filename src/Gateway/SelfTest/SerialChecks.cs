using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Validation;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.PelcoD;

namespace AfterSales.Gateway.SelfTest;

/// <summary>
/// The serial side of the self-test. Each panel's port is opened at its baud rate and sent what a session sends on
/// connect and on a poll; a whole, valid frame of its protocol is a pass. Each PTZ head on the RS-485 bus must answer
/// a pan-position query within its response timeout.
/// </summary>
internal sealed class SerialChecks(GatewayConfig config, ISerialLinkFactory links, Action<bool, string, string> report)
{
    /// <summary>Long enough for an AD2, which repeats the keypad display every few seconds without being asked.</summary>
    public static readonly TimeSpan PanelPatience = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var panel in config.Panels)
        {
            await CheckPanelAsync(panel, cancellationToken);
        }

        if (config.Ptz is { } ptz)
        {
            await CheckPtzAsync(ptz, cancellationToken);
        }
    }

    private async Task CheckPanelAsync(PanelConfig panel, CancellationToken ct)
    {
        var what = Text($"panel {panel.Id} ({panel.Protocol}) on {panel.Port}");
        var protocol = SerialPanelProtocol.Find(panel.Protocol)!;
        try
        {
            using var link = links.Open(panel.Port, panel.BaudRate ?? protocol.DefaultBaudRate);

            // A Contact ID receiver's output is silent until something happens: an open port is all there is to see.
            if (protocol.OnPoll.Count == 0 && protocol.DefaultMissedPolls == 0)
            {
                report(true, what, "port open; the receiver sends only when it has an event");
                return;
            }

            var answer = ListenAsync(link, protocol.ReadFrame, frame => frame.Decoded.Valid, ct);
            foreach (var bytes in protocol.OnConnect.Concat(protocol.OnPoll))
            {
                await link.Stream.WriteAsync(bytes, ct);
            }

            var answered = await WithinAsync(answer, PanelPatience, link, ct);
            report(answered, what, answered
                ? "answered with a valid frame"
                : Text($"no valid {panel.Protocol} frame within {PanelPatience.TotalSeconds:0} s: check the wiring, the baud rate and the panel's serial settings"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            report(false, what, ex.Message);
        }
    }

    private async Task CheckPtzAsync(PtzConfig ptz, CancellationToken ct)
    {
        foreach (var head in ptz.Heads)
        {
            var what = Text($"PTZ head {head.Id} (Pelco-D address {head.Address}) on {ptz.Port}");
            try
            {
                // One link per head: a head that does not answer must not leave a half frame for the next one.
                using var link = links.Open(ptz.Port, ptz.BaudRate);
                var answer = ListenAsync(link, PelcoDReader.TryReadFrame, frame => IsReplyFrom(frame, head.Address), ct);
                await link.Stream.WriteAsync(PelcoDCodec.QueryPanPosition((byte)head.Address), ct);
                var answered = await WithinAsync(answer, ptz.ResponseTimeout(), link, ct);
                report(answered, what, answered
                    ? "answered the pan position query"
                    : Text($"no answer within {ptz.ResponseTimeoutMilliseconds} ms: check the address switches, A/B polarity and termination"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                report(false, what, ex.Message);
            }
        }
    }

    /// <summary>Completes when a frame <paramref name="wanted"/> arrives; the read ends when the link is closed.</summary>
    private static Task ListenAsync(SerialLink link, PanelFrameReader reader, Func<PanelFrame, bool> wanted, CancellationToken ct)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = FrameReadLoop.RunAsync(link.Stream, reader, frame => _ = wanted(frame) && heard.TrySetResult(), ct);
        return heard.Task;
    }

    private static async Task<bool> WithinAsync(Task answer, TimeSpan patience, SerialLink link, CancellationToken ct)
    {
        var answered = await Task.WhenAny(answer, Task.Delay(patience, ct)) == answer;

        // Closing the link ends the pending read.
        link.Dispose();
        return answered;
    }

    // Adapters that hear their own transmission echo the query; only a reply from that address counts.
    private static bool IsReplyFrom(PanelFrame frame, int address) =>
        frame.Decoded.Valid && frame.Raw.Span[1] == address && frame.Raw.Span[2] == 0
        && frame.Raw.Span[3] is PelcoDCodec.PanResponse or PelcoDCodec.TiltResponse or PelcoDCodec.ZoomResponse;

    private static string Text(FormattableString text) => FieldRules.Text(text);
}
