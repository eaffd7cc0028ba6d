using System.Globalization;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Parses one RTSP (RFC 2326 §7) or HTTP/1.1 (RFC 9112) response from the bytes received so far: status line,
/// headers up to the empty line, then the body — <c>Content-Length</c> bytes, or for HTTP chunked transfer
/// coding, or everything until the device closes the connection. Pure and bounded: a device that sends
/// garbage or an endless header gets a clear reason, never an exception or unbounded memory.
/// </summary>
/// <remarks>
/// The gateway speaks just enough HTTP for one ONVIF call per camera and round; a full HTTP client would
/// load several megabytes of code into a board that has little to spare.
/// </remarks>
internal sealed class DeviceResponseParser
{
    public const int MaxHeaderBytes = 8 * 1024;
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly DeviceResponseParser Rtsp = new("RTSP", bodyUntilClose: false);

    /// <summary>For requests sent with <c>Connection: close</c>, so an answer without a length ends where the connection does.</summary>
    public static readonly DeviceResponseParser Http = new("HTTP", bodyUntilClose: true);

    private readonly string _protocol;
    private readonly byte[] _prefix;
    private readonly bool _bodyUntilClose;

    private DeviceResponseParser(string protocol, bool bodyUntilClose)
    {
        _protocol = protocol;
        _prefix = Encoding.ASCII.GetBytes(protocol + "/");
        _bodyUntilClose = bodyUntilClose;
    }

    public enum Outcome
    {
        /// <summary>More bytes are needed.</summary>
        Incomplete,
        Complete,
        Invalid,
    }

    /// <param name="received">Everything received on the connection so far.</param>
    /// <param name="closed">Whether the device has closed the connection (no more bytes will come).</param>
    public Outcome TryParse(ReadOnlySpan<byte> received, bool closed, out DeviceResponse? response, out string? error)
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
            error = $"not an {_protocol} status line: '{Printable(status)}'";
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

        var outcome = ReadBody(received[(headerEnd + separatorLength)..], headers, closed, out var body, out error);
        if (outcome == Outcome.Complete)
        {
            response = new DeviceResponse(code, reason, headers, body);
        }

        return outcome;
    }

    private Outcome ReadBody(ReadOnlySpan<byte> rest, List<KeyValuePair<string, string>> headers, bool closed, out string body, out string? error)
    {
        body = string.Empty;
        error = null;
        string? Header(string name) => headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        if (_bodyUntilClose && Header("Transfer-Encoding") is { } coding)
        {
            if (!coding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                error = $"unsupported Transfer-Encoding '{Printable(coding)}'";
                return Outcome.Invalid;
            }

            return Chunked.TryDecode(rest, MaxBodyBytes, out body, out error);
        }

        if (Header("Content-Length") is { } lengthText)
        {
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxBodyBytes)
            {
                error = $"unusable Content-Length '{Printable(lengthText)}' (at most {MaxBodyBytes} bytes accepted)";
                return Outcome.Invalid;
            }

            if (rest.Length < length)
            {
                return Outcome.Incomplete;
            }

            body = Encoding.UTF8.GetString(rest[..length]);
            return Outcome.Complete;
        }

        if (!_bodyUntilClose)
        {
            // RTSP: no Content-Length means no body.
            return Outcome.Complete;
        }

        if (rest.Length > MaxBodyBytes)
        {
            error = $"answer body longer than {MaxBodyBytes} bytes";
            return Outcome.Invalid;
        }

        if (!closed)
        {
            return Outcome.Incomplete;
        }

        body = Encoding.UTF8.GetString(rest);
        return Outcome.Complete;
    }

    private Outcome Incomplete(ReadOnlySpan<byte> received, out string? error)
    {
        error = null;
        if (received.Length > MaxHeaderBytes)
        {
            error = $"no end of headers within {MaxHeaderBytes} bytes";
            return Outcome.Invalid;
        }

        // Refuse early when the first bytes cannot start a status line, instead of waiting for a timeout.
        var n = Math.Min(_prefix.Length, received.Length);
        if (!received[..n].SequenceEqual(_prefix.AsSpan(0, n)))
        {
            error = $"not an {_protocol} answer: '{Printable(Encoding.Latin1.GetString(received[..Math.Min(received.Length, 40)]))}'";
            return Outcome.Invalid;
        }

        return Outcome.Incomplete;
    }

    /// <summary>"RTSP/1.0 200 OK" or "HTTP/1.1 200 OK": a version of digit.digit, exactly three digits, then a free-text reason.</summary>
    private bool TryParseStatusLine(string line, out int code, out string reason)
    {
        code = 0;
        reason = string.Empty;
        var parts = line.Split(' ', 3);
        var version = parts[0];
        if (parts.Length < 2
            || version.Length != _prefix.Length + 3
            || !version.StartsWith(_protocol + "/", StringComparison.Ordinal)
            || !char.IsAsciiDigit(version[^3]) || version[^2] != '.' || !char.IsAsciiDigit(version[^1])
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
        // CRLF, or a bare LF from sloppy firmware; the headers end at the first empty line.
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

    internal static string Printable(string text)
    {
        var clipped = text.Length > 60 ? text[..60] + "…" : text;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? '?' : c));
    }
}
