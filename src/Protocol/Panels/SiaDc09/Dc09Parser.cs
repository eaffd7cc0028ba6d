using System.Globalization;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// Checks a whole DC-09 frame (LF … CR) and reads its envelope; decrypts when the id carries '*'.
/// Every failure is a reason string, never an exception.
/// </summary>
public static class Dc09Parser
{
    private static readonly string[] KnownIds = ["SIA-DCS", "ADM-CID", "NULL", "ACK", "NAK", "DUH", "RSP"];

    public static bool TryParse(ReadOnlySpan<byte> frame, Dc09Key? key, out Dc09Message? message, out string? error) =>
        TryParse(frame, key, new PanelFields(), out message, out error);

    internal static bool TryParse(ReadOnlySpan<byte> frame, Dc09Key? key, PanelFields fields, out Dc09Message? message, out string? error)
    {
        message = null;
        if (frame.Length < Dc09Framing.Overhead + 2 || frame[0] != Dc09Framing.StartByte)
        {
            error = "frame must start with LF and hold CRC, length and content";
            return false;
        }

        if (frame[^1] != Dc09Framing.EndByte)
        {
            error = "frame must end with CR";
            return false;
        }

        if (!LineFraming.TryAscii(frame[1..^1], out var text))
        {
            error = "frame is not printable ASCII";
            return false;
        }

        if (!ushort.TryParse(text.AsSpan(0, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var crc)
            || text[4] != '0' || !int.TryParse(text.AsSpan(5, 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length))
        {
            error = "CRC or length field is not hex";
            return false;
        }

        var content = text.AsSpan(8);
        fields.Add("crc", text[..4]).Add("length", length);
        if (length != content.Length)
        {
            error = $"length field says {length} but content is {content.Length}";
            return false;
        }

        var actual = Dc09Crc.Compute(frame[9..^1]);
        if (actual != crc)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"CRC mismatch: frame says {crc:X4}, content gives {actual:X4}");
            return false;
        }

        return TryParseContent(content, key, fields, out message, out error);
    }

    private static bool TryParseContent(ReadOnlySpan<char> content, Dc09Key? key, PanelFields fields, out Dc09Message? message, out string? error)
    {
        message = null;
        var closeQuote = content.Length > 1 && content[0] == '"' ? content[1..].IndexOf('"') + 1 : 0;
        if (closeQuote <= 1)
        {
            error = "id token must be quoted";
            return false;
        }

        var id = content[1..closeQuote].ToString();
        var encrypted = id.StartsWith('*');
        if (encrypted)
        {
            id = id[1..];
        }

        fields.Add("id", id).Add("encrypted", encrypted);
        if (!KnownIds.Contains(id, StringComparer.Ordinal))
        {
            error = "unsupported id token '" + id + "'";
            return false;
        }

        var rest = content[(closeQuote + 1)..];
        if (rest.Length < 4 || !int.TryParse(rest[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            error = "sequence must be four digits";
            return false;
        }

        fields.Add("sequence", rest[..4].ToString());
        rest = rest[4..];
        string? receiver = null, prefix = null, account = null;
        while (rest.Length > 0 && rest[0] != '[')
        {
            var tag = rest[0];
            var end = 1;
            while (end < rest.Length && Uri.IsHexDigit(rest[end]) && !(tag == 'L' && rest[end] == 'A' && id == "NAK" && IsNakAccount(rest[end..])))
            {
                end++;
            }

            var value = rest[1..end].ToString();
            var (name, ok) = tag switch
            {
                'R' => ("receiver", value.Length is >= 1 and <= 6 && receiver is null),
                'L' => ("prefix", value.Length is >= 1 and <= 6 && prefix is null),
                '#' or 'A' => ("account", value.Length is >= 1 and <= 16 && account is null),
                _ => (string.Empty, false),
            };
            if (!ok)
            {
                error = "bad header element at '" + rest[..Math.Min(rest.Length, 8)].ToString() + "'";
                return false;
            }

            fields.Add(name, value);
            switch (tag)
            {
                case 'R': receiver = value; break;
                case 'L': prefix = value; break;
                default: account = value; break;
            }

            rest = rest[end..];
        }

        if (rest.Length == 0)
        {
            error = "missing '[' data block";
            return false;
        }

        rest = rest[1..];
        string body;
        if (encrypted)
        {
            if (key is null)
            {
                error = "encrypted frame needs a key";
                return false;
            }

            if (rest.Length == 0 || rest.Length % 32 != 0 || !rest.ToString().All(Uri.IsHexDigit))
            {
                error = "encrypted data must be hex in whole 16-byte blocks";
                return false;
            }

            if (!Dc09Cipher.TryDecrypt(key, Convert.FromHexString(rest), out var plain) || !LineFraming.TryAscii(plain, out var clear))
            {
                error = "decryption failed (wrong key?)";
                return false;
            }

            var bar = clear.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                error = "decrypted data has no '|' after the pad (wrong key?)";
                return false;
            }

            body = clear[(bar + 1)..];
        }
        else
        {
            body = rest.ToString();
        }

        return Dc09Body.TryParse(body, encrypted, new Dc09Header(id, sequence, receiver, prefix, account), fields, out message, out error);
    }

    /// <summary>A NAK carries <c>L0A0</c>: the 'A' there starts the account, not another prefix digit.</summary>
    private static bool IsNakAccount(ReadOnlySpan<char> rest) => rest.Length >= 2 && rest[1..].IndexOf('[') is var i && i > 0 && rest[1..(1 + i)].ToString().All(char.IsAsciiDigit);
}
