using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Request/response exchanges with a device on one TCP connection (RTSP or HTTP); remembers whether the
/// device has said anything at all, which separates a dead device from one that answers badly.
/// </summary>
internal sealed class DeviceConnection(DeviceResponseParser parser)
{
    private readonly byte[] _buffer = new byte[DeviceResponseParser.MaxHeaderBytes + DeviceResponseParser.MaxBodyBytes];

    public bool ReceivedAny { get; private set; }

    /// <summary>A failure; the device still counts as alive when it has sent any byte at all.</summary>
    public CheckResult Result(string summary) => ReceivedAny ? CheckResult.Failed(summary) : CheckResult.Silent(summary);

    /// <summary>Sends the request and reads one whole response, or says why there is none.</summary>
    public async Task<(DeviceResponse? Response, string? Error)> AskAsync(Stream stream, string request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken);

        var filled = 0;
        var closed = false;
        while (true)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(filled), cancellationToken);
            closed = read == 0;
            ReceivedAny |= read > 0;
            filled += read;
            switch (parser.TryParse(_buffer.AsSpan(0, filled), closed, out var response, out var error))
            {
                case DeviceResponseParser.Outcome.Complete:
                    return (response, null);
                case DeviceResponseParser.Outcome.Invalid:
                    return (null, error);
                case DeviceResponseParser.Outcome.Incomplete when closed:
                    return (null, filled == 0 ? "connection closed without an answer" : "connection closed in the middle of the answer");
                case DeviceResponseParser.Outcome.Incomplete when filled == _buffer.Length:
                    return (null, "answer too long");
                default:
                    continue;
            }
        }
    }
}
