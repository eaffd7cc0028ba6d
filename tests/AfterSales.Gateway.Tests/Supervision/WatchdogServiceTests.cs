using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Supervision;

public sealed class WatchdogServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly DatagramListener _systemd = new();
    private readonly SystemdNotifier _notifier;
    private readonly LoopHealth _health;

    public WatchdogServiceTests()
    {
        _notifier = new SystemdNotifier(_systemd.Path);
        _health = new LoopHealth(_time);
    }

    public void Dispose()
    {
        _notifier.Dispose();
        _systemd.Dispose();
    }

    [Fact]
    public void PingIfHealthy_EveryLoopAlive_SendsWatchdogDatagram()
    {
        _health.Register("uplink", TimeSpan.FromSeconds(3));
        var watchdog = NewWatchdog();

        Assert.True(watchdog.PingIfHealthy());

        Assert.Equal("WATCHDOG=1", _systemd.ReceiveText());
    }

    [Fact]
    public void PingIfHealthy_LoopHung_SendsNothingUntilItBeatsAgain()
    {
        _health.Register("uplink", TimeSpan.FromSeconds(3));
        var watchdog = NewWatchdog();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(watchdog.PingIfHealthy());
        Assert.Equal(0, _systemd.Pending);

        _health.Beat("uplink");
        Assert.True(watchdog.PingIfHealthy());
        Assert.Equal("WATCHDOG=1", _systemd.ReceiveText());
    }

    [Fact]
    public async Task Watchdog_RunningUnderSystemd_PingsAtHalfTheIntervalFromItsTimer()
    {
        _health.Register("uplink", TimeSpan.FromSeconds(30));
        using var watchdog = NewWatchdog();
        await watchdog.StartAsync(CancellationToken.None);

        // The timer exists once StartAsync returns; the ping itself is sent from the thread pool, and
        // Receive waits for that datagram. Nothing is due before half the interval.
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(0, _systemd.Pending);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("WATCHDOG=1", _systemd.ReceiveText());
        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Notifier_AbstractSocketName_Delivers()
    {
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Unspecified);
        var name = "aftersales-test-" + Guid.NewGuid().ToString("N");
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint("\0" + name));
        using var notifier = new SystemdNotifier("@" + name);

        Assert.True(notifier.Notify("READY=1"));

        var buffer = new byte[64];
        listener.ReceiveTimeout = 10_000;
        Assert.Equal("READY=1", System.Text.Encoding.UTF8.GetString(buffer, 0, listener.Receive(buffer)));
    }

    private WatchdogService NewWatchdog() =>
        new(_health, _notifier, TimeSpan.FromSeconds(10), _time, NullLogger<WatchdogService>.Instance);
}
