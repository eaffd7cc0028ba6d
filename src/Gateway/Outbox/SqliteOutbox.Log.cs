using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Outbox;

internal sealed partial class SqliteOutbox
{
    // Opened before the host exists (so a bad state directory stops start-up with one line); the host hands it a logger.
    private ILogger _logger = NullLogger.Instance;

    public void UseLogger(ILogger<SqliteOutbox> logger) => _logger = logger;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox at its disk budget: dropped the {Rows} oldest telemetry messages ({Bytes} bytes) to keep a fault event")]
    private partial void LogEvicted(int rows, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete acknowledged events from the outbox ({Reason}); retrying at the next flush")]
    private partial void LogDeleteFailed(string reason);
}
