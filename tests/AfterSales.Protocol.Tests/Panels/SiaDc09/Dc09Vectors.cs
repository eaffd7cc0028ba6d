using System.Text;

namespace AfterSales.Protocol.Tests.Panels.SiaDc09;

/// <summary>
/// Frames for the DC-09 tests. The clear-text ones are receiver captures published in public receiver
/// projects (their CRC-16/ARC and length check out); the encrypted ones were produced independently with
/// Python's <c>cryptography</c> AES-CBC (zero IV, pad 'Z') so the C# cipher is checked against another implementation.
/// </summary>
internal static class Dc09Vectors
{
    public const string NullPoll = "\nB0970029\"NULL\"0000L000#0809[]_21:00:01,02-20-2024\r";
    public const string AdmCidTest = "\nF68B003B\"ADM-CID\"0028L0#9757[#9757|1602 00 000]_20:59:45,02-20-2024\r";
    public const string SiaPhoneRestore = "\n3F60003C\"SIA-DCS\"0001L0#51449[#51449|Nri0000/LR]_21:26:19,12-20-2023\r";
    public const string SiaWithReceiver = "\n37070047\"SIA-DCS\"0038R0L0#10303117[#10303117|Nri0001/BH005]_13:44:48,08-17-2022\r";
    public const string SiaAutoTest = "\nB4330036\"SIA-DCS\"0442L000#36214[36214|NRP]_00:00:00,02-21-2024\r";

    /// <summary>Plaintext <c>Z|Nri1/AT00]_10:16:49,06-27-2011</c> under key "0123456789abcdef".</summary>
    public const string EncryptedAscii128 = "\n39D60058\"*SIA-DCS\"0002R1L1#1234[18193CDCDC239A5152D18BF6CB14004BE7723A365348D9EFAB6C67B123EC32D4\r";

    /// <summary>Same plaintext under the 24-byte key 000102…17 given in hex.</summary>
    public const string EncryptedHex192 = "\n6C440058\"*SIA-DCS\"0002R1L1#1234[F668DAB9EB6832B9AA53770113FA09F3C0F583CBCBF96714246288D318D3483B\r";

    /// <summary>Same plaintext under the 32-character text key "0123456789abcdefghijklmnopqrstuv" (AES-256).</summary>
    public const string EncryptedAscii256 = "\n45A20058\"*SIA-DCS\"0002R1L1#1234[3568E85D8F78E3DE052B34A8BAB852F3A2D610E5C6EF6F2AF0042B63A04DBA39\r";

    public const string Ack = "\n85B90028\"ACK\"0002R1L1#1234[]_10:16:55,06-27-2011\r";
    public const string Nak = "\nA4DA0025\"NAK\"0000R0L0A0[]_10:16:55,06-27-2011\r";
    public const string EncryptedAck = "\nC3D20054\"*ACK\"0002R1L1#1234[7B733AF7A9110467C606085E86A130EAD1BD5D66F4F50DCD29E268486DA0DFF1\r";

    public const string Hex192Key = "000102030405060708090A0B0C0D0E0F1011121314151617";

    public static byte[] Bytes(string frame) => Encoding.ASCII.GetBytes(frame);
}
