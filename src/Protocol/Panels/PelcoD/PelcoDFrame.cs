namespace AfterSales.Protocol.Panels.PelcoD;

/// <summary>One Pelco-D message: <c>FF addr cmd1 cmd2 data1 data2 checksum</c>.</summary>
public readonly record struct PelcoDFrame(byte Address, byte Command1, byte Command2, byte Data1, byte Data2)
{
    public const byte Sync = 0xFF;
    public const int Length = 7;

    /// <summary>Sum of bytes 2–6 (address to data2) modulo 256.</summary>
    public byte Checksum => (byte)(Address + Command1 + Command2 + Data1 + Data2);

    public byte[] ToBytes() => [Sync, Address, Command1, Command2, Data1, Data2, Checksum];
}
