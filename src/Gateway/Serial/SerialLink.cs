namespace AfterSales.Gateway.Serial;

/// <summary>An open serial device: the stream to read and write, and whatever must be closed with it.</summary>
internal sealed class SerialLink(Stream stream, IDisposable? owner = null) : IDisposable
{
    private int _disposed;

    public Stream Stream { get; } = stream;

    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    /// <summary>Safe to call from a timer while a read is pending on another thread: the read then fails and ends the session's loop.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Stream.Dispose();
        owner?.Dispose();
    }
}
