using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.Serial;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Panels;

/// <summary>Runs one <see cref="PanelSession"/> per configured serial panel for the life of the host.</summary>
internal sealed class PanelSessions(
    IReadOnlyList<PanelConfig> panels,
    ISerialLinkFactory links,
    FaultReporter reporter,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly List<PanelSession> _sessions = [];

    public IReadOnlyList<PanelSession> Sessions => _sessions;

    public override void Dispose()
    {
        _sessions.ForEach(s => s.Dispose());
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<PanelSession>();
        foreach (var panel in panels)
        {
            _sessions.Add(new PanelSession(panel, links, reporter, time, new ReconnectBackoff(), logger));
        }

        return Task.WhenAll(_sessions.Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)));
    }
}
