using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Panels;

namespace AfterSales.Gateway.Simulation.Panels;

/// <summary>
/// A panel at the far end of a serial line (one end of a socat pseudo-terminal pair): answers the gateway's polls the
/// way its protocol does and says whatever troubles a script or test gives it. It can also fall silent (a panel that
/// stopped answering) and send a corrupt frame (a noisy line).
/// </summary>
internal abstract class PanelSimulator : IDisposable
{
    private readonly Lock _writeLock = new();
    private readonly Dictionary<SimulatedTrouble, int> _troubles = [];
    private Stream? _stream;

    public bool Silent { get; set; }

    /// <summary>The zone <see cref="SimulatedTrouble.ZoneTrouble"/> is reported on.</summary>
    public int Zone { get; set; } = 5;

    protected IReadOnlyDictionary<SimulatedTrouble, int> ActiveTroubles
    {
        get
        {
            lock (_troubles)
            {
                return new Dictionary<SimulatedTrouble, int>(_troubles);
            }
        }
    }

    /// <summary>
    /// The reader that cuts what the gateway sends. By default everything is discarded (the gateway never talks to
    /// that kind of device), which still keeps the line drained and notices when it goes away.
    /// </summary>
    protected virtual PanelFrameReader RequestReader => Ignore;

    public static PanelSimulator Create(string protocol, TimeProvider time) => protocol switch
    {
        PanelFrameDecoder.DscIt100 => new It100Simulator(),
        PanelFrameDecoder.ParadoxPrt3 => new Prt3Simulator(),
        PanelFrameDecoder.Ad2 => new Ad2Simulator(time),
        PanelFrameDecoder.ContactId => new ContactIdSimulator(),
        _ => throw new ArgumentException($"no simulator for '{protocol}'", nameof(protocol)),
    };

    /// <summary>Serves <paramref name="stream"/> until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        Started();
        await FrameReadLoop.RunAsync(stream, RequestReader, request =>
        {
            if (request.Decoded.Valid && !Silent)
            {
                Answer(request.Decoded);
            }
        }, cancellationToken);
    }

    public void SetTrouble(SimulatedTrouble trouble, bool active)
    {
        lock (_troubles)
        {
            var changed = active ? _troubles.TryAdd(trouble, Zone) : _troubles.Remove(trouble);
            if (!changed)
            {
                return;
            }
        }

        if (!Silent)
        {
            Write(Message(trouble, active, Zone));
        }
    }

    /// <summary>Sends one frame that fails its protocol's checks.</summary>
    public void SendCorruptFrame() => Write(CorruptFrame());

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>The frame that reports <paramref name="trouble"/> starting (or ending).</summary>
    protected abstract byte[] Message(SimulatedTrouble trouble, bool active, int zone);

    protected abstract byte[] CorruptFrame();

    /// <summary>Called for every valid frame the gateway sends while the panel is not silent.</summary>
    protected virtual void Answer(PanelDecodeResult request)
    {
    }

    protected virtual void Started()
    {
    }

    private static bool Ignore(ref System.Buffers.ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        buffer = buffer.Slice(buffer.End);
        frame = default;
        return false;
    }

    protected void Write(byte[] bytes)
    {
        if (_stream is not { } stream)
        {
            return;
        }

        lock (_writeLock)
        {
            try
            {
                stream.Write(bytes);
                stream.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The gateway end is gone; the next write may find it back.
            }
        }
    }
}
