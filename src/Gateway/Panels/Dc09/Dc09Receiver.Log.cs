using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>Log lines of <see cref="Dc09Receiver"/>, kept apart so the logic reads without them.</summary>
internal sealed partial class Dc09Receiver
{
    [LoggerMessage(Level = LogLevel.Information, Message = "DC-09 receiver on {Address} (TCP {TcpPort}, UDP {UdpPort}; 0 = off) for {AccountCount} accounts")]
    private partial void LogListening(string address, int tcpPort, int udpPort, int accountCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 {Answer} to {Remote}: {Reason}; bytes {Hex}")]
    private partial void LogRejected(string answer, string remote, string reason, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 frame from {Remote} for account {Account} (sequence {Sequence}) was already received inside the timestamp window: answered ACK, nothing reported (a replay, or a panel repeating after a lost ACK)")]
    private partial void LogReplayed(string remote, string account, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 connection from {Remote} closed at once: {MaxConnections} connections (maxConnections) already served; {Refused} refused so far")]
    private partial void LogConnectionRefused(string remote, int maxConnections, long refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "DC-09 connection from {Remote} closed: no whole frame for {Seconds} s (idleTimeoutSeconds)")]
    private partial void LogIdleClosed(string remote, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 datagram from {Remote} of {Bytes} bytes dropped unanswered: over the limit for frames of {MaxFrameBytes} bytes (maxFrameBytes)")]
    private partial void LogOversizedDatagram(string remote, int bytes, int maxFrameBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 UDP socket error ignored: {Reason}")]
    private partial void LogSocketError(string reason);
}
