namespace AfterSales.Cloud.Broker;

/// <summary>
/// Follows the MQTT packets in a connection's incoming bytes and says no as soon as a packet's header
/// announces more than the cap (docs/security.md, "Broker limits"). It judges the bytes before the MQTT
/// library sees them, so an oversized packet is refused from its length field, before anything the size
/// of the packet is allocated. One instance per connection.
/// </summary>
public sealed class PacketLengthJudge(int maxRemainingLength)
{
    private enum Part
    {
        FixedHeader,
        Length,
        Body,
    }

    private Part _part = Part.FixedHeader;
    private long _length;
    private long _multiplier = 1;
    private int _lengthBytes;
    private long _bodyLeft;

    /// <summary>The announced length of the packet refused (at least this much when it was cut short), or -1 for a malformed length.</summary>
    public long RefusedLength { get; private set; }

    /// <summary>False when these bytes announce a packet over the cap, or a length MQTT does not allow; the connection must then be closed.</summary>
    public bool Accept(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (_part)
            {
                case Part.FixedHeader:
                    i++;
                    (_part, _length, _multiplier, _lengthBytes) = (Part.Length, 0, 1, 0);
                    break;
                case Part.Length:
                    var b = data[i++];
                    _length += (b & 0x7F) * _multiplier;
                    _multiplier *= 128;
                    _lengthBytes++;
                    var more = (b & 0x80) != 0;

                    // With a continuation byte still to come, the length is at least the next multiplier: refused without waiting for it.
                    var atLeast = more ? Math.Max(_length, _multiplier) : _length;
                    if (atLeast > maxRemainingLength)
                    {
                        RefusedLength = atLeast;
                        return false;
                    }

                    if (more && _lengthBytes == 4)
                    {
                        RefusedLength = -1;
                        return false;
                    }

                    if (!more)
                    {
                        (_part, _bodyLeft) = _length == 0 ? (Part.FixedHeader, 0) : (Part.Body, _length);
                    }

                    break;
                default:
                    var take = (int)Math.Min(_bodyLeft, data.Length - i);
                    i += take;
                    _bodyLeft -= take;
                    if (_bodyLeft == 0)
                    {
                        _part = Part.FixedHeader;
                    }

                    break;
            }
        }

        return true;
    }
}
