using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Identity;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Outbox;

/// <summary>
/// Turns the outbox's full/has-room transitions into the <c>gateway.outbox_full</c> fault of the
/// gateway itself, raised and cleared like any other, and says in the log what the gateway does meanwhile.
/// </summary>
internal sealed partial class OutboxFullAlarm(
    SqliteOutbox outbox,
    FaultReporter reporter,
    GatewayIdentity identity,
    TimeProvider time,
    ILogger<OutboxFullAlarm> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        outbox.FullChanged += OnFullChanged;

        // The first verdict after start: clears the cloud's alarm if the gateway went down full and came back with room.
        Report(outbox.IsFull);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        outbox.FullChanged -= OnFullChanged;
        return Task.CompletedTask;
    }

    private void OnFullChanged(bool full)
    {
        if (full)
        {
            LogFull(outbox.MaxBytes, outbox.Count);
        }
        else
        {
            LogRoomAgain(outbox.Count);
        }

        Report(full);
        if (!full)
        {
            reporter.RetryRefused();
        }
    }

    private void Report(bool full) => reporter.Report(new FaultObservation(
        identity.GatewayId,
        DeviceKind.Gateway,
        FaultCodes.GatewayOutboxFull,
        full,
        FaultObservation.DefaultSeverity(FaultCodes.GatewayOutboxFull),
        time.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Error, Message = "gateway.outbox_full raised: the outbox reached its budget of {MaxBytes} bytes with {Depth} events waiting for the broker; new fault events are refused (and logged) until it drains to 80 %, then the latest refused change of each fault is reported; every event already taken is kept")]
    private partial void LogFull(long maxBytes, int depth);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gateway.outbox_full cleared: the outbox drained to {Depth} events and takes new events again")]
    private partial void LogRoomAgain(int depth);
}
