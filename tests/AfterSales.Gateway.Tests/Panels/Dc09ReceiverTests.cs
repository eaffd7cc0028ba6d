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
                    new Dc09AccountConfig { Account = "1234", PanelId = "ip-panel" },
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

        public void Dispose() => _client.Dispose();
    }
}
