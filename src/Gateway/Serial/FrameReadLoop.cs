using AfterSales.Protocol.Panels;

namespace AfterSales.Gateway.Serial;

/// <summary>The read side of every serial (and TCP) link: bytes in, whole frames out, until the stream ends or fails.</summary>
internal static class FrameReadLoop
{
    /// <summary>Returns why reading stopped; never throws for what the line or the peer does.</summary>
    public static async Task<string> RunAsync(Stream stream, PanelFrameReader reader, Action<PanelFrame> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handle);
        var frames = new FrameBuffer(reader);
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                foreach (var frame in frames.Append(chunk.AsSpan(0, read)))
                {
                    handle(frame);
                }
            }

            return "end of stream";
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
