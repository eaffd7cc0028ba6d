namespace AfterSales.Protocol.Panels.AlarmDecoder;

/// <summary>
/// Nu Tech AlarmDecoder (AD2USB/AD2PI/AD2SERIAL) output for Honeywell/Ademco panels: CR LF lines,
/// no checksum. Keypad messages <c>[bitfield],zone,[raw],"alpha"</c> (optionally prefixed <c>!KPM:</c>),
/// and <c>!LRR:</c>, <c>!RFX:</c>, <c>!EXP:</c> reports. The AD2 reports state, not edges, so faults
/// name the current condition (raised when present, cleared when known absent) and the gateway's
/// fault tracker turns repeats into nothing.
/// </summary>
public static class Ad2Codec
{
    public const int MaxLineLength = 128;

    /// <summary>
    /// Keys for the AD2 to press on the emulated keypad (digits, '*' and '#'), e.g. a status check.
    /// Anything else is refused: the AD2 treats some other characters as its own configuration commands.
    /// </summary>
    public static byte[] EncodeKeys(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0 || !keys.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
        {
            throw new ArgumentException("Keypad keys are digits, '*' and '#'.", nameof(keys));
        }

        return System.Text.Encoding.ASCII.GetBytes(keys);
    }

    /// <summary>Decodes one line with or without its CR LF; never throws.</summary>
    public static PanelDecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        frame = LineFraming.TrimEnd(frame);
        if (frame.IsEmpty)
        {
            return PanelDecodeResult.Invalid("empty line");
        }

        if (frame.Length > MaxLineLength)
        {
            return PanelDecodeResult.Invalid("longer than any AD2 message");
        }

        if (!LineFraming.TryAscii(frame, out var text))
        {
            return PanelDecodeResult.Invalid("not printable ASCII");
        }

        if (text.StartsWith("!KPM:", StringComparison.Ordinal))
        {
            text = text[5..];
        }

        if (text.StartsWith('['))
        {
            return Ad2Keypad.Decode(text);
        }

        if (text.StartsWith("!RFX:", StringComparison.Ordinal))
        {
            return Ad2Reports.DecodeRfx(text[5..]);
        }

        if (text.StartsWith("!EXP:", StringComparison.Ordinal) || text.StartsWith("!REL:", StringComparison.Ordinal))
        {
            return Ad2Reports.DecodeExpander(text[1..4], text[5..]);
        }

        if (text.StartsWith("!LRR:", StringComparison.Ordinal))
        {
            return Ad2Reports.DecodeLrr(text[5..]);
        }

        return PanelDecodeResult.Invalid("unsupported AD2 message");
    }
}
