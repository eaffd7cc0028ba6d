using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AfterSales.Gateway.Panels.Dc09;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels.SiaDc09;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Panels;

/// <summary>The DC-09 receiver on real loopback TCP and UDP sockets, answering as a panel expects and reporting to a real broker.</summary>
public sealed class Dc09ReceiverTests : IAsyncLifetime, IDisposable
{
    private const string SecretKey = "0123456789abcdef";
    private UplinkRig _rig = null!;
    private Dc09Receiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _rig = await UplinkRig.StartAsync();
        var config = _rig.Config with
        {
            Dc09Receiver = new Dc09ReceiverConfig
            {
                ListenAddress = "127.0.0.1",
                TcpPort = TestBroker.FreePort(),
                UdpPort = FreeUdpPort(),
                Accounts =
                [
                    new Dc09AccountConfig { Account = "1234", PanelId = "ip-panel", AllowCleartext = true },
                    new Dc09AccountConfig { Account = "5678", PanelId = "secure-panel", Key = SecretKey, SupervisionSeconds = 90 },
                ],
            },
        };
        _receiver = new Dc09Receiver(config.Dc09Receiver!, _rig.Reporter, _rig.Time, NullLogger<Dc09Receiver>.Instance);
        await _receiver.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _receiver.StopAsync(CancellationToken.None);
        _receiver.Dispose();
        await _rig.DisposeAsync();
    }

    public void Dispose() => _receiver?.Dispose();

    [Fact]
    public async Task Tcp_AcLossThenRestoreOnOneConnection_AckedWithSequenceAndRaisedThenClearedOnBroker()
    {
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);

        var ack1 = await panel.SendAsync(Sia("1234", 11, "Nri1/AT00"));
        var raised = await _rig.NextEventAsync("ip-panel");
        var ack2 = await panel.SendAsync(Sia("1234", 12, "Nri1/AR00"));
        var cleared = await _rig.NextEventAsync("ip-panel");

        Assert.Equal(("ACK", 11, "1234"), Read(ack1));
        Assert.Equal(("ACK", 12, "1234"), Read(ack2));
        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Raised), (raised.Fault, raised.State));
        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Cleared), (cleared.Fault, cleared.State));
    }

    [Fact]
    public async Task Udp_EncryptedZoneTamper_AnsweredWithEncryptedAckAndReportedOnTheZone()
    {
        var key = Key();
        using var panel = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await panel.SendAsync(Sia("5678", 3, "Nri1/TA012", key), _receiver.UdpEndpoint!);
        var answer = await panel.ReceiveAsync().WaitAsync(Eventually.Patience);
        var tamper = await _rig.NextEventAsync();

        Assert.True(Dc09Parser.TryParse(answer.Buffer, key, out var ack, out var error), error);
        Assert.Equal(("ACK", true, 3), (ack!.Id, ack.Encrypted, ack.Sequence));
        Assert.Equal(("secure-panel.zone-012", DeviceKind.Zone, FaultCodes.ZoneTamper), (tamper.DeviceId, tamper.DeviceKind, tamper.Fault));
    }

    [Fact]
    public async Task Tcp_CorruptStaleAndForeignFrames_NakOrDuhNoFaultsAndTheConnectionStillWorks()
    {
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);
        var damaged = Sia("1234", 20, "Nri1/AT00");
        damaged[^3] ^= 0x01; // one bit flipped in the timestamp: the CRC no longer matches

        var corrupt = await panel.SendAsync(damaged);
        var stale = await panel.SendAsync(Sia("1234", 21, "Nri1/AT00", at: _rig.Time.GetUtcNow().AddMinutes(-5)));
        var foreign = await panel.SendAsync(Sia("9999", 22, "Nri1/AT00"));
        var clearForEncryptedAccount = await panel.SendAsync(Sia("5678", 23, "Nri1/AT00"));
        var good = await panel.SendAsync(Sia("1234", 24, "Nri1/YT"));
        var first = await _rig.NextEventAsync();

        Assert.Equal("NAK", Read(corrupt).Id);
        Assert.Equal("NAK", Read(stale).Id);
        Assert.Equal(("DUH", 22, "9999"), Read(foreign));
        Assert.Equal("DUH", Read(clearForEncryptedAccount).Id);
        Assert.Equal(("ACK", 24, "1234"), Read(good));
        Assert.Equal((FaultCodes.PanelLowBattery, "ip-panel"), (first.Fault, first.DeviceId));
        Assert.Equal(4, _receiver.Rejected);
    }

    [Fact]
    public async Task Supervision_AccountSilentForItsWindow_CommFailUntilALinkTestArrives()
    {
        var key = Key();
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);

        _rig.Time.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(0, _rig.Tracker.ActiveCount);
        _rig.Time.Advance(TimeSpan.FromSeconds(1));
        var silent = await _rig.NextEventAsync("secure-panel");
        var nullFrame = Dc09Framing.Encode(new Dc09Message("NULL", true, 40, null, "0", "5678", string.Empty, null, [], _rig.Time.GetUtcNow()), key);
        var ack = await panel.SendAsync(nullFrame);
        var heard = await _rig.NextEventAsync("secure-panel");

        Assert.Equal((FaultCodes.PanelCommFail, FaultState.Raised), (silent.Fault, silent.State));
        Assert.True(Dc09Parser.TryParse(ack, key, out var parsed, out _) && parsed!.Id == "ACK");
        Assert.Equal((FaultCodes.PanelCommFail, FaultState.Cleared), (heard.Fault, heard.State));
    }

    [Fact]
    public async Task CommFail_PanelReportsLineTroubleThenLinkTestArrives_StaysRaisedUntilThePanelRestoresIt()
    {
        var key = Key();
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);

        await panel.SendAsync(Sia("5678", 50, "Nri1/LT01", key));
        var raised = await _rig.NextEventAsync("secure-panel");
        await panel.SendAsync(Dc09Framing.Encode(new Dc09Message("NULL", true, 51, null, "0", "5678", string.Empty, null, [], _rig.Time.GetUtcNow()), key));
        var stillActive = _rig.Tracker.ActiveCount;
        await panel.SendAsync(Sia("5678", 52, "Nri1/LR01", key));
        var cleared = await _rig.NextEventAsync("secure-panel");

        Assert.Equal((FaultCodes.PanelCommFail, FaultState.Raised), (raised.Fault, raised.State));
        Assert.Equal(1, stillActive);
        Assert.Equal((FaultCodes.PanelCommFail, FaultState.Cleared), (cleared.Fault, cleared.State));
    }

    [Fact]
    public async Task Replay_EncryptedFrameSentAgainInsideTheWindow_AckedButReportsNothing()
    {
        var key = Key();
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);
        var trouble = Sia("5678", 60, "Nri1/AT00", key);

        await panel.SendAsync(trouble);
        var raised = await _rig.NextEventAsync("secure-panel");
        await panel.SendAsync(Sia("5678", 61, "Nri1/AR00", key));
        var cleared = await _rig.NextEventAsync("secure-panel");
        _rig.Time.Advance(TimeSpan.FromSeconds(10));

        // Someone on the LAN recorded the trouble frame and sends it again, 10 s later, inside the 40 s window.
        var replayAnswer = await panel.SendAsync(trouble);
        await panel.SendAsync(Sia("5678", 62, "Nri1/YT", key));
        var next = await _rig.NextEventAsync("secure-panel");

        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Raised), (raised.Fault, raised.State));
        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Cleared), (cleared.Fault, cleared.State));
        Assert.True(Dc09Parser.TryParse(replayAnswer, key, out var ack, out _) && ack!.Id == "ACK");
        Assert.Equal(FaultCodes.PanelLowBattery, next.Fault);
        Assert.Equal(1, _receiver.Replayed);
        Assert.Equal(3, _receiver.Acknowledged);
    }

    [Fact]
    public async Task Replay_AfterTheWindow_Nak()
    {
        var key = Key();
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);
        var linkTest = Dc09Framing.Encode(new Dc09Message("NULL", true, 70, null, "0", "5678", string.Empty, null, [], _rig.Time.GetUtcNow()), key);
        await panel.SendAsync(linkTest);
        _rig.Time.Advance(TimeSpan.FromSeconds(41));

        var late = await panel.SendAsync(linkTest);

        Assert.Equal("NAK", Read(late).Id);
        Assert.Equal(0, _receiver.Replayed);
    }

    [Fact]
    public async Task Connections_OverTheCap_ClosedAtOnceWhileTheOthersStillWork()
    {
        await using var receiver = await StartReceiverAsync(r => r with { MaxConnections = 2 });
        using var first = await TcpPanel.ConnectAsync(receiver.Receiver.TcpEndpoint!);
        using var second = await TcpPanel.ConnectAsync(receiver.Receiver.TcpEndpoint!);
        await first.SendAsync(Sia("1234", 1, "Nri1/YT"));
        await second.SendAsync(Sia("1234", 2, "Nri1/YR"));

        // Closed with a reset at once: the connect itself may already see it.
        Assert.True(await RefusedAsync(receiver.Receiver.TcpEndpoint!), "the connection over the cap was not closed");
        Assert.Equal(1, receiver.Receiver.RefusedConnections);
        Assert.Equal("ACK", Read(await first.SendAsync(Sia("1234", 3, "Nri1/YT"))).Id);

        // A slot freed by a panel hanging up is served again.
        second.Dispose();
        await Eventually.TrueAsync(
            () => TryServed(receiver.Receiver.TcpEndpoint!, Sia("1234", 4, "Nri1/YR")),
            "a new connection to be served once one closed");
    }

    [Fact]
    public async Task Connection_IdleForItsTimeout_ClosedByTheReceiver_ButEachFrameRestartsTheClock()
    {
        await using var receiver = await StartReceiverAsync(r => r with { IdleTimeoutSeconds = 30 });
        using var panel = await TcpPanel.ConnectAsync(receiver.Receiver.TcpEndpoint!);
        await Eventually.TrueAsync(() => receiver.Time.Timers > 0, "the connection's idle timer to start");

        receiver.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("ACK", Read(await panel.SendAsync(Sia("1234", 1, "Nri1/YT", at: receiver.Time.GetUtcNow()))).Id);
        receiver.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("ACK", Read(await panel.SendAsync(Sia("1234", 2, "Nri1/YR", at: receiver.Time.GetUtcNow()))).Id);
        receiver.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.True(await panel.ClosedByReceiverAsync(), "the idle connection was not closed");
    }

    [Fact]
    public async Task Frames_OverTheSizeLimit_NakOnTcpWithoutWaitingForTheirBytes_AndDroppedOnUdp()
    {
        using var panel = await TcpPanel.ConnectAsync(_receiver.TcpEndpoint!);

        // A header announcing 0xFFF bytes, and nothing after it: refused at once, not waited for.
        var answer = await panel.SendAsync(Encoding.ASCII.GetBytes("\nABCD0FFF\"SIA-DCS\""));
        Assert.Equal("NAK", Read(answer).Id);
        Assert.Equal("ACK", Read(await panel.SendAsync(Sia("1234", 5, "Nri1/YT"))).Id);

        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await udp.SendAsync(new byte[4000], _receiver.UdpEndpoint!);
        await udp.SendAsync(Sia("1234", 6, "Nri1/YR"), _receiver.UdpEndpoint!);
        var first = await udp.ReceiveAsync().WaitAsync(Eventually.Patience);
        Assert.Equal(("ACK", 6, "1234"), Read(first.Buffer));
    }

    [Fact]
    public void Responder_ClearTextForAKeylessAccountWithoutAllowCleartext_Duh()
    {
        var responder = new Dc09Responder(new Dc09ReceiverConfig
        {
            TcpPort = 1,
            Accounts = [new Dc09AccountConfig { Account = "1234", PanelId = "p" }],
        });

        var verdict = responder.Judge(Sia("1234", 1, "Nri1/YT"), _rig.Time.GetUtcNow());

        Assert.Equal(Dc09Answer.Duh, verdict.Answer);
        Assert.Equal("clear text is not allowed for this account (allowCleartext)", verdict.Reason);
    }

    private static async Task<bool> RefusedAsync(IPEndPoint endpoint)
    {
        try
        {
            using var third = await TcpPanel.ConnectAsync(endpoint);
            return await third.ClosedByReceiverAsync();
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static bool TryServed(IPEndPoint endpoint, byte[] frame)
    {
        try
        {
            using var panel = TcpPanel.ConnectAsync(endpoint).GetAwaiter().GetResult();
            return Read(panel.SendAsync(frame).GetAwaiter().GetResult()).Id == "ACK";
        }
        catch (Exception ex) when (ex is SocketException or IOException or Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    private async Task<OwnReceiver> StartReceiverAsync(Func<Dc09ReceiverConfig, Dc09ReceiverConfig> change)
    {
        var time = new CountingTimeProvider(_rig.Time.GetUtcNow());
        var config = change(new Dc09ReceiverConfig
        {
            ListenAddress = "127.0.0.1",
            TcpPort = TestBroker.FreePort(),
            Accounts = [new Dc09AccountConfig { Account = "1234", PanelId = "own-panel", AllowCleartext = true }],
        });
        var receiver = new Dc09Receiver(config, _rig.Reporter, time, NullLogger<Dc09Receiver>.Instance);
        await receiver.StartAsync(CancellationToken.None);
        return new OwnReceiver(receiver, time);
    }

    private sealed record OwnReceiver(Dc09Receiver Receiver, CountingTimeProvider Time) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Receiver.StopAsync(CancellationToken.None);
            Receiver.Dispose();
        }
    }

    /// <summary>A fake clock that says how many timers were created, so a test advances it only once the receiver waits on it.</summary>
    private sealed class CountingTimeProvider(DateTimeOffset start) : Microsoft.Extensions.Time.Testing.FakeTimeProvider(start)
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    private byte[] Sia(string account, int sequence, string data, Dc09Key? key = null, DateTimeOffset? at = null) =>
        Dc09Framing.Encode(new Dc09Message("SIA-DCS", key is not null, sequence, null, "0", account, data, key is null ? account : null, [], at ?? _rig.Time.GetUtcNow()), key);

    private static (string Id, int Sequence, string? Account) Read(byte[] response)
    {
        Assert.True(Dc09Parser.TryParse(response, null, out var message, out var error), error + ": " + Encoding.ASCII.GetString(response));
        return (message!.Id, message.Sequence, message.Account);
    }

    private static Dc09Key Key()
    {
        Assert.True(Dc09Key.TryParse(SecretKey, out var key));
        return key!;
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    /// <summary>An IP panel holding one TCP connection to the receiver, sending a frame and reading the one answer.</summary>
    private sealed class TcpPanel : IDisposable
    {
        private readonly TcpClient _client;
        private readonly Dc09Reader _reader = new();
        private byte[] _pending = [];

        private TcpPanel(TcpClient client) => _client = client;

        public static async Task<TcpPanel> ConnectAsync(IPEndPoint endpoint)
        {
            var client = new TcpClient();
            await client.ConnectAsync(endpoint);
            return new TcpPanel(client);
        }

        public async Task<byte[]> SendAsync(byte[] frame)
        {
            var stream = _client.GetStream();
            await stream.WriteAsync(frame);
            using var timeout = new CancellationTokenSource(Eventually.Patience);
            var chunk = new byte[1024];
            while (true)
            {
                var buffer = new System.Buffers.ReadOnlySequence<byte>(_pending);
                if (_reader.TryReadFrame(ref buffer, out var answer))
                {
                    _pending = BuffersExtensions.ToArray(buffer);
                    return answer.Raw.ToArray();
                }

                var read = await stream.ReadAsync(chunk, timeout.Token);
                Assert.True(read > 0, "the receiver closed the connection");
                _pending = [.. _pending, .. chunk.AsSpan(0, read)];
            }
        }

        /// <summary>True when the receiver closes the connection (a read ends) before the patience runs out.</summary>
        public async Task<bool> ClosedByReceiverAsync()
        {
            using var timeout = new CancellationTokenSource(Eventually.Patience);
            try
            {
                return await _client.GetStream().ReadAsync(new byte[64], timeout.Token) == 0;
            }
            catch (IOException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
