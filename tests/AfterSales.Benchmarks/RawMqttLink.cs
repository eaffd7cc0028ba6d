using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AfterSales.Benchmarks;

/// <summary>
/// One MQTT 3.1.1 connection written by hand: CONNECT (with the gateway's last will), QoS 0 publishes,
/// PINGREQ, DISCONNECT. Thousands of MQTTnet clients would each keep a receive loop and a keep-alive
/// loop; a bare socket lets the heartbeat load hold tens of thousands of real connections, and lets it
/// go silent without closing the socket, as a site whose power or line is cut does.
/// </summary>
internal sealed class RawMqttLink : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly SemaphoreSlim _writing = new(1, 1);

    public static async Task<RawMqttLink> ConnectAsync(int port, string clientId, string user, string password, ushort keepAliveSeconds, string? willTopic, byte[]? willPayload)
    {
        var link = new RawMqttLink();
        try
        {
            await link._socket.ConnectAsync(IPAddress.Loopback, port);
            await link._socket.SendAsync(Connect(clientId, user, password, keepAliveSeconds, willTopic, willPayload));
            var connack = new byte[4];
            var read = 0;
            while (read < 4)
            {
                var n = await link._socket.ReceiveAsync(connack.AsMemory(read));
                if (n == 0)
                {
                    throw new IOException($"{clientId}: the broker closed the connection before CONNACK");
                }

                read += n;
            }

            if (connack[0] != 0x20 || connack[3] != 0)
            {
                throw new IOException($"{clientId}: CONNACK refused with code {connack[3]}");
            }

            return link;
        }
        catch
        {
            link.Dispose();
            throw;
        }
    }

    public Task PublishAsync(string topic, byte[] payload)
    {
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var body = new byte[2 + topicBytes.Length + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)topicBytes.Length);
        topicBytes.CopyTo(body, 2);
        payload.CopyTo(body, 2 + topicBytes.Length);
        return SendAsync(Packet(0x30, body));
    }

    public Task PingAsync() => SendAsync([0xC0, 0x00]);

    /// <summary>A clean goodbye: the broker discards the last will.</summary>
    public Task DisconnectAsync() => SendAsync([0xE0, 0x00]);

    public void Dispose()
    {
        _socket.Dispose();
        _writing.Dispose();
    }

    private async Task SendAsync(byte[] packet)
    {
        await _writing.WaitAsync();
        try
        {
            await _socket.SendAsync(packet);
        }
        finally
        {
            _writing.Release();
        }
    }

    private static byte[] Connect(string clientId, string user, string password, ushort keepAliveSeconds, string? willTopic, byte[]? willPayload)
    {
        using var body = new MemoryStream();
        WriteString(body, Encoding.ASCII.GetBytes("MQTT"));
        body.WriteByte(4); // MQTT 3.1.1

        // user, password, clean session; with a will: QoS 1, retained, as the gateway sets it (MqttClientOptionsFactory).
        byte flags = 0x80 | 0x40 | 0x02;
        if (willTopic is not null)
        {
            flags |= 0x20 | 0x08 | 0x04;
        }

        body.WriteByte(flags);
        body.WriteByte((byte)(keepAliveSeconds >> 8));
        body.WriteByte((byte)keepAliveSeconds);
        WriteString(body, Encoding.UTF8.GetBytes(clientId));
        if (willTopic is not null)
        {
            WriteString(body, Encoding.UTF8.GetBytes(willTopic));
            WriteString(body, willPayload ?? []);
        }

        WriteString(body, Encoding.UTF8.GetBytes(user));
        WriteString(body, Encoding.UTF8.GetBytes(password));
        return Packet(0x10, body.ToArray());
    }

    private static void WriteString(Stream stream, byte[] bytes)
    {
        stream.WriteByte((byte)(bytes.Length >> 8));
        stream.WriteByte((byte)bytes.Length);
        stream.Write(bytes);
    }

    private static byte[] Packet(byte header, byte[] body)
    {
        var length = new List<byte>(4);
        var remaining = body.Length;
        do
        {
            var digit = (byte)(remaining % 128);
            remaining /= 128;
            length.Add(remaining > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (remaining > 0);

        var packet = new byte[1 + length.Count + body.Length];
        packet[0] = header;
        length.CopyTo(packet, 1);
        body.CopyTo(packet, 1 + length.Count);
        return packet;
    }
}
