using System.Globalization;
using System.Text;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// The DC-09 envelope: <c>LF crc 0LLL "id" seq Rrcvr Lpref #acct [data][x-data]_HH:MM:SS,MM-DD-YYYY CR</c>.
/// CRC and length cover everything from the opening quote of the id to the byte before CR.
/// </summary>
public static class Dc09Framing
{
    public const byte StartByte = (byte)'\n';
    public const byte EndByte = (byte)'\r';

    /// <summary>LF, 4 CRC digits, 4 length digits, CR.</summary>
    public const int Overhead = 10;

    /// <summary>Three hex digits of length.</summary>
    public const int MaxContentLength = 0xFFF;

    private const string TimestampFormat = "HH:mm:ss,MM-dd-yyyy";

    /// <summary>Builds a frame; <paramref name="key"/> encrypts it (and marks the id with '*').</summary>
    /// <param name="pad">For tests and replays: the pad characters to use instead of random ones (trimmed or repeated to fit).</param>
    public static byte[] Encode(Dc09Message message, Dc09Key? key = null, string? pad = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = new StringBuilder();
        content.Append('"').Append(key is null ? string.Empty : "*").Append(message.Id).Append('"')
            .Append(message.Sequence.ToString("D4", CultureInfo.InvariantCulture));
        if (message.Receiver is not null)
        {
            content.Append('R').Append(message.Receiver);
        }

        if (message.Prefix is not null)
        {
            content.Append('L').Append(message.Prefix);
        }

        if (message.Account is not null)
        {
            content.Append('#').Append(message.Account);
        }

        content.Append('[');
        var tail = new StringBuilder();
        tail.Append(message.Data);
        foreach (var field in message.DataFields ?? [])
        {
            tail.Append('|').Append(field);
        }

        tail.Append(']');
        foreach (var x in message.ExtendedData)
        {
            tail.Append('[').Append(x).Append(']');
        }

        if (message.Timestamp is { } ts)
        {
            tail.Append('_').Append(ts.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        }

        if (key is null)
        {
            if (message.DataAccount is not null)
            {
                content.Append('#').Append(message.DataAccount).Append('|');
            }

            content.Append(tail);
        }
        else
        {
            var body = "|" + tail;
            var padLength = 16 - (body.Length % 16);
            var plaintext = Encoding.ASCII.GetBytes(Pad(padLength, pad) + body);
            content.Append(Convert.ToHexString(Dc09Cipher.Encrypt(key, plaintext)));
        }

        return Wrap(Encoding.ASCII.GetBytes(content.ToString()));
    }

    /// <summary>Adds LF, CRC, length and CR around content that starts at the id's opening quote.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxContentLength)
        {
            throw new ArgumentException("DC-09 content is at most 4095 bytes.", nameof(content));
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"{Dc09Crc.Compute(content):X4}0{content.Length:X3}");
        var frame = new byte[Overhead + content.Length];
        frame[0] = StartByte;
        Encoding.ASCII.GetBytes(header, frame.AsSpan(1));
        content.CopyTo(frame.AsSpan(9));
        frame[^1] = EndByte;
        return frame;
    }

    internal static bool TryParseTimestamp(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (!DateTime.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return false;
        }

        timestamp = new DateTimeOffset(value, TimeSpan.Zero);
        return true;
    }

    /// <summary>Pad characters may be anything printable except the three DC-09 delimiters.</summary>
    private static string Pad(int length, string? pad)
    {
        var chars = new char[length];
        if (!string.IsNullOrEmpty(pad))
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = pad[i % pad.Length];
            }
        }
        else
        {
            const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            System.Security.Cryptography.RandomNumberGenerator.GetItems(alphabet, chars);
        }

        if (chars.Any(c => c is '|' or '[' or ']' or < ' ' or > '~'))
        {
            throw new ArgumentException("Pad characters must be printable and not '|', '[' or ']'.", nameof(pad));
        }

        return new string(chars);
    }
}
