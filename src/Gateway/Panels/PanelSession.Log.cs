using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Panels;

/// <summary>Log lines of <see cref="PanelSession"/>, kept apart so the logic reads without them.</summary>
internal sealed partial class PanelSession
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Panel {PanelId}: connected on {Port} at {BaudRate} baud ({Protocol})")]
    private partial void LogConnected(string panelId, string port, int baudRate, string protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel {PanelId}: link lost ({Reason}); retrying in {RetrySeconds:0.0} s")]
    private partial void LogLinkLost(string panelId, string reason, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel {PanelId}: corrupt frame ignored ({Error}), bytes {Hex}; {Count} corrupt so far")]
    private partial void LogCorruptFrame(string panelId, string error, string hex, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel {PanelId}: write failed ({Reason}); reconnecting")]
    private partial void LogWriteFailed(string panelId, string reason);
}
