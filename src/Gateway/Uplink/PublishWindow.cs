namespace AfterSales.Gateway.Uplink;

/// <summary>
/// How many events go out before waiting for their PUBACKs. Pipelining is what lets a backlog drain
/// at broker speed instead of one round trip per event; order still holds because one TCP stream
/// carries them and the broker handles them in order, so a broken link can only have delivered a
/// prefix, and the outbox resends from the first unacknowledged one. Pure: tested on its own.
/// The size comes from <c>broker.maxInFlight</c> (see the benchmarks for why 1 is the default).
/// </summary>
internal sealed class PublishWindow(int maxInFlight)
{
    private int _brokerLimit = int.MaxValue;

    /// <summary>
    /// The broker's MQTT v5 Receive Maximum from CONNACK (0 when it sent none, meaning 65 535):
    /// sending more unacknowledged QoS 1 messages than that is a protocol error that drops the link.
    /// </summary>
    public void BrokerAllows(int receiveMaximum) => _brokerLimit = receiveMaximum <= 0 ? ushort.MaxValue : receiveMaximum;

    public int Size => Math.Max(1, Math.Min(maxInFlight, _brokerLimit));
}
