using System.Device.I2c;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>An I2C chip whose registers answer fixed bytes: for decoding tests against datasheet values.</summary>
internal sealed class ScriptedI2cDevice(Dictionary<byte, byte[]> registers) : I2cDevice
{
    private byte _pointer;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x40);

    public List<byte[]> Writes { get; } = [];

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes.Add(buffer.ToArray());
        _pointer = buffer[0];
        if (buffer.Length == 3)
        {
            registers[_pointer] = buffer[1..].ToArray();
        }
    }

    public override void Read(Span<byte> buffer) => registers[_pointer].CopyTo(buffer);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    public override byte ReadByte() => throw new NotSupportedException();

    public override void WriteByte(byte value) => throw new NotSupportedException();
}
