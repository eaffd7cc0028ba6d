using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AfterSales.Gateway.Cameras;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>
/// A camera on loopback: a small RTSP server (OPTIONS, DESCRIBE) and an ONVIF device service
/// (GetSystemDateAndTime over HTTP), each switchable between healthy and the ways real cameras fail.
/// Used by the tests and by <c>--simulate</c>; port 0 picks a free port.
/// </summary>
internal sealed class CameraSimulator : IAsyncDisposable
{
    private const string Sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=AfterSales simulated camera\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:track1\r\n";
    private static readonly byte[] Junk = Encoding.ASCII.GetBytes("\u0016\u0003\u0001\u0000\u00a5SSH-2.0-dropbear\r\n\u00ff\u00fe");

    private const string Realm = "AfterSalesSim";
    private const string Nonce = "5f2a9c0d41b7e3a8";
    private const string Challenge =
        $"WWW-Authenticate: Digest realm=\"{Realm}\", nonce=\"{Nonce}\", qop=\"auth\"\r\nWWW-Authenticate: Basic realm=\"{Realm}\"\r\n";

    private readonly TimeProvider _time;
    private readonly SimulatedTcpServer _rtsp;
    private readonly SimulatedTcpServer _onvif;
    private readonly Lock _lock = new();
    private CameraSimulatorMode _mode = CameraSimulatorMode.Healthy;

    public CameraSimulator(IPAddress address, int rtspPort, int onvifPort, TimeProvider time)
    {
        _time = time;
        _rtsp = new SimulatedTcpServer(address, rtspPort, ServeRtspAsync);
        _onvif = new SimulatedTcpServer(address, onvifPort, ServeOnvifAsync);
    }

    public int RtspPort => _rtsp.Port;

    public int OnvifPort => _onvif.Port;

    /// <summary>When set, DESCRIBE needs these credentials (Digest), as most cameras do; until then it answers 401.</summary>
    public (string User, string Password)? Credentials { get; set; }

    /// <summary>Added to the simulator's clock in ONVIF answers.</summary>
    public TimeSpan ClockOffset { get; set; }

    public CameraSimulatorMode Mode
    {
        get
        {
            lock (_lock)
            {
                return _mode;
            }
        }

        set
        {
            lock (_lock)
            {
                _mode = value;
                if (value == CameraSimulatorMode.Closed)
                {
                    _rtsp.Close();
                    _onvif.Close();
                }
                else
                {
                    _rtsp.Open();
                    _onvif.Open();
                }
            }
        }
    }

    /// <summary>Opens both ports, unless the simulator was put into <see cref="CameraSimulatorMode.Closed"/> first.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_mode != CameraSimulatorMode.Closed)
            {
                _rtsp.Open();
                _onvif.Open();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _rtsp.DisposeAsync();
        await _onvif.DisposeAsync();
    }

    private async Task ServeRtspAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        while (await SimulatedRequest.ReadAsync(stream, cancellationToken) is { } request)
        {
            var mode = Mode;
            if (await AnsweredBadlyAsync(mode, stream, cancellationToken))
            {
                return;
            }

            var cseq = request.Header("CSeq") ?? "0";
            var loggedIn = !(mode == CameraSimulatorMode.Unauthorized || Credentials is not null) || IsAuthorized(request);
            var (status, headers, body) = (request.Method, mode, loggedIn) switch
            {
                ("OPTIONS", _, _) => ("200 OK", "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n", string.Empty),
                ("DESCRIBE", _, false) => ("401 Unauthorized", Challenge, string.Empty),
                ("DESCRIBE", CameraSimulatorMode.StreamDown, _) => ("503 Service Unavailable", string.Empty, string.Empty),
                ("DESCRIBE", _, _) => ("200 OK", $"Content-Base: {request.Target}/\r\nContent-Type: application/sdp\r\n", Sdp),
                _ => ("405 Method Not Allowed", string.Empty, string.Empty),
            };
            var answer = string.Create(CultureInfo.InvariantCulture, $"RTSP/1.0 {status}\r\nCSeq: {cseq}\r\n{headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), cancellationToken);
        }
    }

    private async Task ServeOnvifAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        if (await SimulatedRequest.ReadAsync(stream, cancellationToken) is not { } request
            || await AnsweredBadlyAsync(Mode, stream, cancellationToken))
        {
            return;
        }

        var (status, body) = request.Body.Contains("GetSystemDateAndTime", StringComparison.Ordinal)
            ? ("200 OK", OnvifSoap.DateAndTime(_time.GetUtcNow() + ClockOffset))
            : ("400 Bad Request", OnvifSoap.Fault("ter:ActionNotSupported", "Only GetSystemDateAndTime is simulated"));
        var answer = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status}\r\nContent-Type: application/soap+xml; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), cancellationToken);
    }

    private bool IsAuthorized(SimulatedRequest request)
    {
        if (Credentials is not { } login || request.Header("Authorization") is not { } header
            || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var p = RtspAuthorization.Parameters(header["Digest ".Length..]);
        string Get(string name) => p.TryGetValue(name, out var v) ? v : string.Empty;
        var expected = RtspAuthorization.DigestResponse(
            login.User, Realm, login.Password, request.Method, Get("uri"), Nonce, p.ContainsKey("qop") ? Get("qop") : null, Get("nc"), Get("cnonce"));
        return Get("username") == login.User && Get("nonce") == Nonce && Get("response") == expected;
    }

    /// <summary>True when the mode is a failure that answers nothing useful; then it has already acted it out.</summary>
    private static async Task<bool> AnsweredBadlyAsync(CameraSimulatorMode mode, NetworkStream stream, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case CameraSimulatorMode.Garbage:
                await stream.WriteAsync(Junk, cancellationToken);
                return true;
            case CameraSimulatorMode.Silent:
                // Hold the connection open and say nothing until the client gives up.
                var sink = new byte[256];
                while (await stream.ReadAsync(sink, cancellationToken) > 0)
                {
                }

                return true;
            default:
                return false;
        }
    }
}
