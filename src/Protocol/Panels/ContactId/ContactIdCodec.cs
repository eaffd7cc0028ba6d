using System.Globalization;
using System.Text;

namespace AfterSales.Protocol.Panels.ContactId;

/// <summary>
/// Ademco Contact ID as the 16-digit string a receiver shows (<c>1234 18 1 131 01 015 6</c>, spaces optional).
/// Digit 0 counts as 10 in the checksum (it is DTMF 'A' on the line); the check digit makes the sum a multiple of 15.
/// </summary>
public static class ContactIdCodec
{
    public const int MessageLength = 16;

    /// <summary>The 16 characters with the check digit, no spaces.</summary>
    public static string Encode(ContactIdEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Account.Length != 4 || !value.Account.All(IsDigit))
        {
            throw new ArgumentException("The account is four digits 0-9 or B-F.", nameof(value));
        }

        if (value.MessageType is not (18 or 98) || value.Qualifier is not (1 or 3 or 6)
            || value.EventCode is < 100 or > 999 || value.Group is < 0 or > 99 || value.Zone is < 0 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A Contact ID field is out of range.");
        }

        var body = string.Create(CultureInfo.InvariantCulture, $"{value.Account.ToUpperInvariant()}{value.MessageType:D2}{value.Qualifier}{value.EventCode:D3}{value.Group:D2}{value.Zone:D3}");
        return body + CheckDigit(body);
    }

    public static byte[] EncodeBytes(ContactIdEvent value) => Encoding.ASCII.GetBytes(Encode(value));

    /// <summary>The digit that completes <paramref name="body"/> (15 digits) to a sum divisible by 15; F when the sum already is.</summary>
    public static char CheckDigit(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sum = 0;
        foreach (var c in body)
        {
            sum += DigitValue(c);
        }

        var check = 15 - (sum % 15);
        return check switch
        {
            10 => '0',
            < 10 => (char)('0' + check),
            _ => (char)('A' + check - 10),
        };
    }

    /// <summary>Parses and checks a message; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ContactIdEvent? value, out string? error)
    {
        value = null;
        Span<char> digits = stackalloc char[MessageLength];
        var count = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            if (count == MessageLength)
            {
                error = "longer than 16 digits";
                return false;
            }

            if (!IsDigit(c))
            {
                error = "not a Contact ID digit: '" + (char.IsControl(c) ? '?' : c) + "'";
                return false;
            }

            digits[count++] = char.ToUpperInvariant(c);
        }

        if (count != MessageLength)
        {
            error = "expected 16 digits, got " + count.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        var sum = 0;
        foreach (var c in digits)
        {
            sum += DigitValue(c);
        }

        if (sum % 15 != 0)
        {
            error = "checksum mismatch";
            return false;
        }

        if (!TryDecimal(digits.Slice(4, 2), out var mt) || mt is not (18 or 98))
        {
            error = "message type is not 18 or 98";
            return false;
        }

        if (!TryDecimal(digits.Slice(6, 1), out var q) || q is not (1 or 3 or 6))
        {
            error = "qualifier is not 1, 3 or 6";
            return false;
        }

        if (!TryDecimal(digits.Slice(7, 3), out var code) || !TryDecimal(digits.Slice(10, 2), out var group) || !TryDecimal(digits.Slice(12, 3), out var zone))
        {
            error = "event, group and zone must be decimal";
            return false;
        }

        value = new ContactIdEvent(new string(digits[..4]), mt, q, code, group, zone);
        error = null;
        return true;
    }

    /// <summary>Decodes a message (trailing CR/LF allowed) into fields and maintenance faults; never throws.</summary>
    public static PanelDecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        frame = LineFraming.TrimEnd(frame);
        if (!LineFraming.TryAscii(frame, out var text))
        {
            return PanelDecodeResult.Invalid("not printable ASCII");
        }

        if (!TryParse(text, out var value, out var error))
        {
            return PanelDecodeResult.Invalid(error!);
        }

        var fields = new PanelFields();
        ContactIdEvents.Describe(fields, value!.Qualifier, value.EventCode, value.Group, value.Zone, value.Account, value.MessageType);
        var fault = ContactIdEvents.Fault(value.Qualifier, value.EventCode, value.Zone);
        return PanelDecodeResult.Ok(fields, fault is null ? null : [fault]);
    }

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f');

    private static int DigitValue(char c) => c switch
    {
        '0' => 10,
        >= '1' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => 0,
    };

    /// <summary>Decimal fields; 'A' is read as 0 because some receivers print the DTMF tone literally.</summary>
    private static bool TryDecimal(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                'A' => 0,
                _ => -1,
            };
            if (d < 0)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
