using System.Globalization;
using System.Text;

namespace AfterSales.Protocol.Panels.DscIt100;

/// <summary>
/// DSC IT-100 / PC5401 serial messages: <c>CCC data KK CR LF</c> — a three-digit command, its data,
/// and a checksum that is the low byte of the sum of the command and data characters in uppercase hex.
/// </summary>
public static class It100Codec
{
    public const int MaxLineLength = 64;

    public static byte[] Encode(string command, string data = "")
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(data);
        if (command.Length != 3 || !command.All(char.IsAsciiDigit) || data.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("An IT-100 command is three digits and its data printable ASCII.", nameof(command));
        }

        var body = command + data;
        return Encoding.ASCII.GetBytes(body + Checksum(Encoding.ASCII.GetBytes(body)) + "\r\n");
    }

    /// <summary>Command 000: the panel answers 500000 — used as a keep-alive.</summary>
    public static byte[] Poll() => Encode("000");

    /// <summary>Command 001: the panel replays zone, partition and trouble status.</summary>
    public static byte[] StatusRequest() => Encode("001");

    public static string Checksum(ReadOnlySpan<byte> commandAndData)
    {
        var sum = 0;
        foreach (var b in commandAndData)
        {
            sum += b;
        }

        return (sum & 0xFF).ToString("X2", CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes one message with or without its CR LF; never throws.</summary>
    public static PanelDecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        frame = LineFraming.TrimEnd(frame);
        if (frame.Length < 5)
        {
            return PanelDecodeResult.Invalid("shorter than command and checksum");
        }

        if (frame.Length > MaxLineLength)
        {
            return PanelDecodeResult.Invalid("longer than any IT-100 message");
        }

        if (!LineFraming.TryAscii(frame, out var text))
        {
            return PanelDecodeResult.Invalid("not printable ASCII");
        }

        var command = text[..3];
        if (!command.All(char.IsAsciiDigit))
        {
            return PanelDecodeResult.Invalid("command must be three digits");
        }

        var data = text[3..^2];
        var fields = new PanelFields().Add("command", command).Add("data", data).Add("checksum", text[^2..]);
        var expected = Checksum(frame[..^2]);
        if (!string.Equals(expected, text[^2..], StringComparison.OrdinalIgnoreCase))
        {
            return PanelDecodeResult.Invalid($"checksum mismatch: frame says {text[^2..]}, content gives {expected}", fields);
        }

        return It100Events.Interpret(int.Parse(command, CultureInfo.InvariantCulture), data, fields);
    }
}
