using System.Device.Spi;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>An SPI chip that records what was clocked out and answers fixed bytes.</summary>
internal sealed class ScriptedSpiDevice(byte[] answer) : SpiDevice
{
    public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0);

    public List<byte[]> Sent { get; } = [];

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Sent.Add(writeBuffer.ToArray());
        answer.CopyTo(readBuffer);
    }

    public override byte ReadByte() => throw new NotSupportedException();

    public override void Read(Span<byte> buffer) => throw new NotSupportedException();

    public override void WriteByte(byte value) => throw new NotSupportedException();

    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException();
}
