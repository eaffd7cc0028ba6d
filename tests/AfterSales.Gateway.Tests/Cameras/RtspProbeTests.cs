using System.Net;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class RtspProbeTests
{
    [Theory]
    [InlineData("Healthy", true, true, "200 with a session description")]
    [InlineData("Unauthorized", true, true, "401")]
    [InlineData("StreamDown", true, false, "503 Service Unavailable")]
    [InlineData("Garbage", true, false, "not an RTSP answer")]
    [InlineData("Closed", false, false, "ConnectionRefused")]
    [InlineData("Silent", false, false, "no answer within 400 ms")]
    public async Task Check_SimulatedCamera_JudgesEachMode(string mode, bool answered, bool passed, string summary)
    {
        await using var camera = new CameraSimulator(IPAddress.Loopback, 0, 0, TimeProvider.System);
        camera.Start();
        camera.Mode = Enum.Parse<CameraSimulatorMode>(mode);

        // Generous timeouts on a shared CI machine, except where the timeout is the behaviour under test.
        var result = await RtspProbe.CheckAsync(Camera(camera.RtspPort, mode == "Silent" ? 400 : 5000), CancellationToken.None);

        Assert.True((answered, passed) == (result.Answered, result.Passed), result.Summary);
        Assert.Contains(summary, result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Healthy", "admin", "12345", true, "200 with a session description")]
    [InlineData("StreamDown", "admin", "12345", false, "503 Service Unavailable")]
    [InlineData("StreamDown", null, null, true, "asks for credentials")]
    [InlineData("Healthy", "admin", "wrong", true, "rejected the configured username/password")]
    public async Task Check_CameraBehindLogin_SeesTheStreamOnlyWithTheRightCredentials(string mode, string? user, string? password, bool passed, string summary)
    {
        await using var camera = new CameraSimulator(IPAddress.Loopback, 0, 0, TimeProvider.System) { Credentials = ("admin", "12345") };
        camera.Start();
        camera.Mode = Enum.Parse<CameraSimulatorMode>(mode);

        var result = await RtspProbe.CheckAsync(Camera(camera.RtspPort) with { Username = user, Password = password }, CancellationToken.None);

        Assert.True(result.Answered);
        Assert.True(passed == result.Passed, result.Summary);
        Assert.Contains(summary, result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AnswerTrickledByteByByte_StillPasses()
    {
        await using var server = new ScriptedTcpServer(async stream =>
        {
            for (var cseq = 1; cseq <= 2; cseq++)
            {
                await ScriptedTcpServer.ReadHeadAsync(stream);
                var body = cseq == 2 ? "v=0\r\nm=video 0 RTP/AVP 96\r\n" : string.Empty;
                foreach (var ch in $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nContent-Length: {body.Length}\r\n\r\n{body}")
                {
                    await ScriptedTcpServer.WriteAsync(stream, ch.ToString());
                    await stream.FlushAsync();
                }
            }
        });

        var result = await RtspProbe.CheckAsync(Camera(server.Port), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
    }

    [Theory]
    [InlineData("RTSP/1.0 200 OK\r\nCSeq: 7\r\n\r\n", "CSeq '7', expected 1")]
    [InlineData("RTSP/1.0 200 OK\r\nCSe", "closed in the middle of the answer")]
    [InlineData("RTSP/1.0 404 Not Found\r\nCSeq: 1\r\n\r\n", "OPTIONS answered 404 Not Found")]
    public async Task Check_BadOptionsAnswer_FailsButCountsTheDeviceAlive(string answer, string summary)
    {
        await using var server = new ScriptedTcpServer(async stream =>
        {
            await ScriptedTcpServer.ReadHeadAsync(stream);
            await ScriptedTcpServer.WriteAsync(stream, answer);
        });

        var result = await RtspProbe.CheckAsync(Camera(server.Port), CancellationToken.None);

        Assert.Equal((true, false), (result.Answered, result.Passed));
        Assert.Contains(summary, result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DescribeOkWithoutMedia_FailsTheStream()
    {
        await using var server = new ScriptedTcpServer(async stream =>
        {
            await ScriptedTcpServer.ReadHeadAsync(stream);
            await ScriptedTcpServer.WriteAsync(stream, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
            await ScriptedTcpServer.ReadHeadAsync(stream);
            await ScriptedTcpServer.WriteAsync(stream, "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Length: 0\r\n\r\n");
        });

        var result = await RtspProbe.CheckAsync(Camera(server.Port), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("without a usable session description", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ClosedWithoutAWord_CountsAsNoAnswer()
    {
        await using var server = new ScriptedTcpServer(_ => Task.CompletedTask);

        var result = await RtspProbe.CheckAsync(Camera(server.Port), CancellationToken.None);

        Assert.False(result.Answered);
        Assert.Contains("connection closed without an answer", result.Summary, StringComparison.Ordinal);
    }

    private static CameraConfig Camera(int port, int timeoutMs = 5000) => new()
    {
        DeviceId = "cam-1",
        Host = "127.0.0.1",
        RtspPort = port,
        RtspPath = "/Streaming/Channels/101",
        TimeoutMilliseconds = timeoutMs,
    };
}
