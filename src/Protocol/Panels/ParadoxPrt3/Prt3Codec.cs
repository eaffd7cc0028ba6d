using System.Globalization;
using System.Text;

namespace AfterSales.Protocol.Panels.ParadoxPrt3;

/// <summary>
/// Paradox PRT3 ASCII protocol (PRT3 programming guide): CR-terminated lines, no checksum. The gateway asks
/// for area (<c>RA001</c>) and zone (<c>RZ001</c>) status; the module answers those, echoes commands with
/// <c>&amp;ok</c> / <c>&amp;fail</c>, reports its link to the panel with <c>COMM&amp;ok</c> / <c>COMM&amp;fail</c>,
/// and streams system events <c>G###N###A###</c>.
/// </summary>
public static class Prt3Codec
{
    public const int MaxLineLength = 64;

    public static byte[] AreaStatusRequest(int area) => Command("RA", area, 1, 8);

    public static byte[] ZoneStatusRequest(int zone) => Command("RZ", zone, 1, 192);

    /// <summary>Decodes one line with or without its CR; never throws.</summary>
    public static PanelDecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        frame = LineFraming.TrimEnd(frame);
        if (frame.IsEmpty)
        {
            return PanelDecodeResult.Invalid("empty line");
        }

        if (frame.Length > MaxLineLength)
        {
            return PanelDecodeResult.Invalid("longer than any PRT3 message");
        }

        if (!LineFraming.TryAscii(frame, out var text))
        {
            return PanelDecodeResult.Invalid("not printable ASCII");
        }

        if (text is "COMM&ok" or "COMM&fail")
        {
            var ok = text.EndsWith("&ok", StringComparison.Ordinal);
            var fields = new PanelFields().Add("type", "comm status").Add("panelLink", ok ? "ok" : "fail");
            return PanelDecodeResult.Ok(fields, [new(Faults.FaultCodes.PanelCommFail, ok ? Faults.FaultState.Cleared : Faults.FaultState.Raised, PanelDeviceIds.Panel)]);
        }

        var amp = text.IndexOf('&', StringComparison.Ordinal);
        if (amp > 0)
        {
            var result = text[(amp + 1)..];
            if (result is not ("ok" or "fail"))
            {
                return PanelDecodeResult.Invalid("command echo must end &ok or &fail");
            }

            return PanelDecodeResult.Ok(new PanelFields().Add("type", "command echo").Add("command", text[..amp]).Add("result", result));
        }

        if (text.Length == 12 && text[0] == 'G' && text[4] == 'N' && text[8] == 'A')
        {
            return Prt3Events.DecodeSystemEvent(text);
        }

        if (text.StartsWith("RA", StringComparison.Ordinal) || text.StartsWith("RZ", StringComparison.Ordinal))
        {
            return Prt3Status.Decode(text);
        }

        return PanelDecodeResult.Invalid("unknown PRT3 message");
    }

    internal static bool TryNumber(string text, int start, out int value)
    {
        value = 0;
        return text.Length >= start + 3 && int.TryParse(text.AsSpan(start, 3), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static byte[] Command(string prefix, int number, int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, max);
        return Encoding.ASCII.GetBytes(prefix + number.ToString("D3", CultureInfo.InvariantCulture) + "\r");
    }
}
