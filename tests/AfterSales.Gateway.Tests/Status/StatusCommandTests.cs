using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Status;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Status;

public sealed class StatusCommandTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteOutbox _outbox;
    private readonly FaultTracker _tracker;
    private readonly ConnectionState _connection = new();
    private readonly StatusFileWriter _writer;

    public StatusCommandTests()
    {
        var config = TestConfig.Gateway() with { StateDirectory = _state.Path };
        _outbox = new SqliteOutbox(_state.Path, new OutboxBudget(1024 * 1024));
        _tracker = new FaultTracker(config.Identity, new CountingSequence(), _time);
        var siteConfig = new SiteConfigStore(_state.Path, config.SiteId, null, TimeProvider.System, NullLogger<SiteConfigStore>.Instance);
        _writer = new StatusFileWriter(config.StateDirectory, config.UplinkSettings, _outbox, _tracker, siteConfig, _connection, new LoopHealth(_time), _time, NullLogger<StatusFileWriter>.Instance);
        Config = config;
    }

    private AfterSales.Gateway.Configuration.GatewayConfig Config { get; }

    public void Dispose()
    {
        _writer.Dispose();
        _outbox.Dispose();
        _state.Dispose();
    }

    [Fact]
    public void Status_RunningGatewayOffline_PrintsLinkErrorDepthAndActiveFaults()
    {
        _connection.Disconnected(_time.GetUtcNow(), "Connection refused");
        _outbox.Enqueue(_tracker.Observe(new FaultObservation("panel", DeviceKind.Panel, FaultCodes.PanelAcLoss, true, FaultSeverity.Major, _time.GetUtcNow()))!);
        _writer.Write();
        var output = new StringWriter();

        var exit = StatusCommand.Run(Config, _time.GetUtcNow().AddSeconds(1), output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("running", text, StringComparison.Ordinal);
        Assert.Matches(@"up since 2025-03-01 08:00:00Z, \d+\.\d MiB resident", text);
        Assert.Contains("DISCONNECTED since 2025-03-01 08:00:00Z (Connection refused)", text, StringComparison.Ordinal);
        Assert.Contains("outbox      1 events waiting", text, StringComparison.Ordinal);
        Assert.Contains("panel: panel.ac_loss", text, StringComparison.Ordinal);
        Assert.Contains("site config none received from the cloud yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_FileNotRewrittenForAMinute_ReportsNotRunningWithExitCode3()
    {
        _connection.Connected(_time.GetUtcNow());
        _writer.Write();
        var output = new StringWriter();

        var exit = StatusCommand.Run(Config, _time.GetUtcNow().AddMinutes(1), output);

        Assert.Equal(StatusCommand.NotRunning, exit);
        Assert.Contains("NOT RUNNING (status last written 60 s ago", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterCleanShutdown_SaysStopped()
    {
        await _writer.StopAsync(CancellationToken.None);
        var output = new StringWriter();

        var exit = StatusCommand.Run(Config, _time.GetUtcNow(), output);

        Assert.Equal(StatusCommand.NotRunning, exit);
        Assert.Contains("STOPPED", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_NoStatusFile_SaysNotRunning()
    {
        var output = new StringWriter();

        var exit = StatusCommand.Run(Config with { StateDirectory = _state.File("never-ran") }, _time.GetUtcNow(), output);

        Assert.Equal(StatusCommand.NotRunning, exit);
        Assert.Contains("not running (no status file", output.ToString(), StringComparison.Ordinal);
    }
}
