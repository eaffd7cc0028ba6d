namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>CRC-16/ARC (poly 0x8005 reflected, init 0), the CRC SIA DC-09 puts in front of every frame.</summary>
public static class Dc09Crc
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }
}
