using System.Globalization;
using System.Text;
using static AfterSales.Gateway.Cameras.DeviceResponseParser;

namespace AfterSales.Gateway.Cameras;

/// <summary>HTTP/1.1 chunked transfer coding (RFC 9112 §7.1): hex size lines, each followed by that many bytes, ending with a 0 chunk.</summary>
internal static class Chunked
{
    private const int MaxSizeLine = 64;

    public static Outcome TryDecode(ReadOnlySpan<byte> data, int maxBodyBytes, out string body, out string? error)
    {
        body = string.Empty;
        error = null;
        var decoded = new List<byte>();
        var at = 0;
        while (true)
        {
            var lineEnd = data[at..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return data.Length - at > MaxSizeLine ? Invalid("a chunk size line that never ends", out error) : Outcome.Incomplete;
            }

            // "1a3;name=value\r\n": extensions after ';' carry nothing the gateway needs.
            var line = Encoding.Latin1.GetString(data.Slice(at, lineEnd)).TrimEnd('\r');
            var hex = line.Split(';', 2)[0].Trim();
            // Parsed as a long and compared as longs: as an int, "7fffffff" overflowed "decoded + size" and "size + 1" to
            // negative numbers, passed both checks and threw in Slice, which cost the whole camera round (issue 13).
            if (hex.Length is 0 or > 8 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return Invalid($"bad chunk size '{Printable(line)}'", out error);
            }

            at += lineEnd + 1;
            if (size == 0)
            {
                // Trailer fields, if any, end with an empty line; none are needed, so the body is complete here.
                body = Encoding.UTF8.GetString(decoded.ToArray());
                return Outcome.Complete;
            }

            if ((long)decoded.Count + size > maxBodyBytes)
            {
                return Invalid($"answer body longer than {maxBodyBytes} bytes", out error);
            }

            // Below maxBodyBytes, so an int from here on.
            var length = (int)size;
            if ((long)data.Length - at < (long)length + 1)
            {
                return Outcome.Incomplete;
            }

            decoded.AddRange(data.Slice(at, length));
            at += length;

            // Each chunk's data ends with CRLF (a bare LF is tolerated, like everywhere else here).
            if (data[at] == (byte)'\r')
            {
                if (data.Length - at < 2)
                {
                    return Outcome.Incomplete;
                }

                at++;
            }

            if (data[at] != (byte)'\n')
            {
                return Invalid("chunk data longer than its size line says", out error);
            }

            at++;
        }
    }

    private static Outcome Invalid(string reason, out string? error)
    {
        error = reason;
        return Outcome.Invalid;
    }
}
