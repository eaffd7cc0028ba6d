using System.Net.Sockets;
using System.Text;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>Reads one RTSP or HTTP request (head and Content-Length body) from a simulated device's socket.</summary>
internal sealed record SimulatedRequest(string Method, string Target, string Head, string Body)
{
    private const int MaxBytes = 64 * 1024;

    public string? Header(string name)
    {
        foreach (var line in Head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>Null when the client closed the connection or sent more than a request may hold.</summary>
    public static async Task<SimulatedRequest?> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>(1024);
        var chunk = new byte[1024];
        var headEnd = -1;
        while (headEnd < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0 || buffer.Count + read > MaxBytes)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            headEnd = IndexOfBlankLine(buffer);
        }

        var head = Encoding.ASCII.GetString([.. buffer[..headEnd]]);
        var words = head.Split("\r\n")[0].Split(' ');
        var request = new SimulatedRequest(words[0], words.Length > 1 ? words[1] : string.Empty, head, string.Empty);
        var length = int.TryParse(request.Header("Content-Length"), out var n) ? Math.Clamp(n, 0, MaxBytes) : 0;
        var bodyStart = headEnd + 4;
        while (buffer.Count - bodyStart < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        return request with { Body = Encoding.UTF8.GetString([.. buffer[bodyStart..(bodyStart + length)]]) };
    }

    private static int IndexOfBlankLine(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
