namespace AfterSales.Cloud.Broker;

/// <summary>
/// A connection's stream as the MQTT library reads it, with every chunk judged by <see cref="PacketLengthJudge"/>
/// first: a chunk announcing an oversized packet is never handed on, the read fails and the library closes the connection.
/// </summary>
internal sealed class PacketCapStream(Stream inner, int maxPacketBytes, Action<long> refused) : Stream
{
    private readonly PacketLengthJudge _judge = new(maxPacketBytes);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Judged(buffer.Span[..read], read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        return Judged(buffer.AsSpan(offset, read), read);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Judged(ReadOnlySpan<byte> chunk, int read)
    {
        if (!_judge.Accept(chunk))
        {
            refused(_judge.RefusedLength);
            throw new IOException($"MQTT packet of {_judge.RefusedLength} bytes refused: more than Broker:MaxPacketBytes ({maxPacketBytes})");
        }

        return read;
    }
}
