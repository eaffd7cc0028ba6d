using System.Globalization;
using System.Text;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// What the gateway, acting as the DC-09 receiver, sends back. Each carries the receiver's own time so a
/// panel with a drifting clock can correct it.
/// </summary>
public static class Dc09Responses
{
    /// <summary>Accepts <paramref name="received"/>: echoes its sequence, receiver, prefix and account; encrypted if it was.</summary>
    public static byte[] Ack(Dc09Message received, DateTimeOffset now, Dc09Key? key = null, string? pad = null)
    {
        ArgumentNullException.ThrowIfNull(received);
        var ack = new Dc09Message("ACK", received.Encrypted, received.Sequence, received.Receiver, received.Prefix, received.Account, string.Empty, null, [], now);
        return Dc09Framing.Encode(ack, received.Encrypted ? key : null, pad);
    }

    /// <summary>Rejects a frame (bad CRC, stale timestamp…); fixed header <c>0000R0L0A0</c> and the receiver's time.</summary>
    public static byte[] Nak(DateTimeOffset now)
    {
        // Written out: the NAK's account is tagged 'A', not '#', because the receiver cannot trust the sender's.
        var content = "\"NAK\"0000R0L0A0[]_" + now.UtcDateTime.ToString("HH:mm:ss,MM-dd-yyyy", CultureInfo.InvariantCulture);
        return Dc09Framing.Wrap(Encoding.ASCII.GetBytes(content));
    }

    /// <summary>Answers a well-formed frame the receiver does not support (unknown id or encryption without a key).</summary>
    public static byte[] Duh(Dc09Message received, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(received);
        var duh = new Dc09Message("DUH", false, received.Sequence, received.Receiver, received.Prefix, received.Account, string.Empty, null, [], now);
        return Dc09Framing.Encode(duh);
    }
}
