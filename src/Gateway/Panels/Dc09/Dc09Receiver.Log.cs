using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>Log lines of <see cref="Dc09Receiver"/>, kept apart so the logic reads without them.</summary>
internal sealed partial class Dc09Receiver
{
    [LoggerMessage(Level = LogLevel.Information, Message = "DC-09 receiver on {Address} (TCP {TcpPort}, UDP {UdpPort}; 0 = off) for {AccountCount} accounts")]
    private partial void LogListening(string address, int tcpPort, int udpPort, int accountCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 {Answer} to {Remote}: {Reason}; bytes {Hex}")]
    private partial void LogRejected(string answer, string remote, string reason, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC-09 UDP socket error ignored: {Reason}")]
    private partial void LogSocketError(string reason);
}
