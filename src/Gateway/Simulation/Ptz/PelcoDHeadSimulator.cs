using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Panels.PelcoD;

namespace AfterSales.Gateway.Simulation.Ptz;

/// <summary>
/// PTZ heads on the far end of an RS-485 line (a socat pseudo-terminal): each address answers position queries with
/// its pan, tilt or zoom; an address can be silenced to play a dead head or a cut bus branch.
/// </summary>
internal sealed class PelcoDHeadSimulator(IEnumerable<int> addresses)
{
    private readonly HashSet<int> _addresses = [.. addresses];
    private readonly HashSet<int> _silent = [];
    private readonly Lock _gate = new();

    public void SetSilent(int address, bool silent)
    {
        lock (_gate)
        {
            _ = silent ? _silent.Add(address) : _silent.Remove(address);
        }
    }

    public bool IsSilent(int address)
    {
        lock (_gate)
        {
            return _silent.Contains(address);
        }
    }

    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await FrameReadLoop.RunAsync(stream, PelcoDReader.TryReadFrame, query =>
        {
            if (query.Decoded.Valid && Reply(query.Raw.Span) is { } reply)
            {
                stream.Write(reply);
                stream.Flush();
            }
        }, cancellationToken);
    }

    private byte[]? Reply(ReadOnlySpan<byte> query)
    {
        var address = query[1];
        lock (_gate)
        {
            if (!_addresses.Contains(address) || _silent.Contains(address) || query[2] != 0)
            {
                return null;
            }
        }

        // Pan 180.00°, tilt 10.00°, zoom position 0x1000: fixed values are enough to prove the head alive.
        var (response, value) = query[3] switch
        {
            PelcoDCodec.QueryPan => (PelcoDCodec.PanResponse, 18000),
            PelcoDCodec.QueryTilt => (PelcoDCodec.TiltResponse, 1000),
            PelcoDCodec.QueryZoom => (PelcoDCodec.ZoomResponse, 0x1000),
            _ => ((byte)0, -1),
        };
        return value < 0 ? null : new PelcoDFrame(address, 0, response, (byte)(value >> 8), (byte)value).ToBytes();
    }
}
