using System.Globalization;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Parses one RTSP response from the bytes received so far (RFC 2326 §7): status line, headers up to
/// the empty line, then <c>Content-Length</c> bytes of body. Pure and bounded: a device that sends
/// garbage or an endless header gets a clear reason, never an exception or unbounded memory.
/// </summary>
internal static class RtspResponseParser
{
    public const int MaxHeaderBytes = 8 * 1024;
    public const int MaxBodyBytes = 64 * 1024;

    public enum Outcome
    {
        /// <summary>More bytes are needed.</summary>
        Incomplete,
        Complete,
        Invalid,
    }

    public static Outcome TryParse(ReadOnlySpan<byte> received, out RtspResponse? response, out string? error)
    {
        response = null;
        error = null;
        var headerEnd = FindHeaderEnd(received, out var separatorLength);
        if (headerEnd < 0)
        {
            return Incomplete(received, out error);
        }

        var lines = Encoding.Latin1.GetString(received[..headerEnd]).Split('\n');
        var status = lines[0].TrimEnd('\r');
        if (!TryParseStatusLine(status, out var code, out var reason))
        {
            error = $"not an RTSP status line: '{Printable(status)}'";
            return Outcome.Invalid;
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var raw in lines.AsSpan(1))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                error = $"malformed header line: '{Printable(line)}'";
                return Outcome.Invalid;
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var bodyLength = 0;
        var lengthText = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (lengthText is not null
            && (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out bodyLength) || bodyLength > MaxBodyBytes))
        {
            error = $"unusable Content-Length '{Printable(lengthText)}' (at most {MaxBodyBytes} bytes accepted)";
            return Outcome.Invalid;
        }

        var bodyStart = headerEnd + separatorLength;
        if (received.Length - bodyStart < bodyLength)
        {
            return Outcome.Incomplete;
        }

        response = new RtspResponse(code, reason, headers, Encoding.UTF8.GetString(received.Slice(bodyStart, bodyLength)));
        return Outcome.Complete;
    }

    private static Outcome Incomplete(ReadOnlySpan<byte> received, out string? error)
    {
        error = null;
        if (received.Length > MaxHeaderBytes)
        {
            error = $"no end of headers within {MaxHeaderBytes} bytes";
            return Outcome.Invalid;
        }

        // Refuse early when the first bytes cannot start a status line, instead of waiting for a timeout.
        var prefix = "RTSP/"u8;
        var n = Math.Min(prefix.Length, received.Length);
        if (!received[..n].SequenceEqual(prefix[..n]))
        {
            error = $"not an RTSP answer: '{Printable(Encoding.Latin1.GetString(received[..Math.Min(received.Length, 40)]))}'";
            return Outcome.Invalid;
        }

        return Outcome.Incomplete;
    }

    /// <summary>"RTSP/1.0 200 OK": a version of digit.digit, exactly three digits, then a free-text reason.</summary>
    internal static bool TryParseStatusLine(string line, out int code, out string reason)
    {
        code = 0;
        reason = string.Empty;
        var parts = line.Split(' ', 3);
        if (parts.Length < 2
            || parts[0].Length != 8
            || !parts[0].StartsWith("RTSP/", StringComparison.Ordinal)
            || !char.IsAsciiDigit(parts[0][5]) || parts[0][6] != '.' || !char.IsAsciiDigit(parts[0][7])
            || parts[1].Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out code)
            || code < 100)
        {
            code = 0;
            return false;
        }

        reason = parts.Length == 3 ? parts[2] : string.Empty;
        return true;
    }

    private static int FindHeaderEnd(ReadOnlySpan<byte> data, out int separatorLength)
    {
        // RFC 2326 allows CRLF, or a bare LF from sloppy firmware; the headers end at the first empty line.
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != (byte)'\n')
            {
                continue;
            }

            if (i + 1 < data.Length && data[i + 1] == (byte)'\n')
            {
                separatorLength = 2;
                return i;
            }

            if (i + 2 < data.Length && data[i + 1] == (byte)'\r' && data[i + 2] == (byte)'\n')
            {
                separatorLength = 3;
                return i;
            }
        }

        separatorLength = 0;
        return -1;
    }

    private static string Printable(string text)
    {
        var clipped = text.Length > 60 ? text[..60] + "…" : text;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? '?' : c));
    }
}
