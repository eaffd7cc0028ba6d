using System.Net;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class OnvifProbeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(-3600)]
    public async Task Check_CameraClockOffset_MeasuresTheDrift(int offsetSeconds)
    {
        await using var camera = new CameraSimulator(IPAddress.Loopback, 0, 0, _time) { ClockOffset = TimeSpan.FromSeconds(offsetSeconds) };
        camera.Start();
        var probe = new OnvifProbe(_time);

        var result = await probe.CheckAsync(Camera(camera.OnvifPort), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Equal(TimeSpan.FromSeconds(offsetSeconds), result.ClockDrift);
    }

    [Theory]
    [InlineData("Closed", false)]
    [InlineData("Silent", false)]
    [InlineData("Garbage", true)]
    public async Task Check_BrokenService_NoClockReading(string mode, bool answered)
    {
        await using var camera = new CameraSimulator(IPAddress.Loopback, 0, 0, _time);
        camera.Start();
        camera.Mode = Enum.Parse<CameraSimulatorMode>(mode);
        var probe = new OnvifProbe(_time);

        var result = await probe.CheckAsync(Camera(camera.OnvifPort, mode == "Silent" ? 400 : 5000), CancellationToken.None);

        Assert.Equal((answered, false), (result.Answered, result.Passed));
        Assert.Null(result.ClockDrift);
    }

    [Fact]
    public async Task Check_HttpErrorWithSoapFault_AliveWithTheFaultReason()
    {
        await using var server = new ScriptedTcpServer(async stream =>
        {
            await ScriptedTcpServer.ReadHeadAsync(stream);
            var body = OnvifSoap.Fault("ter:NotAuthorized", "Sender not authorized");
            await ScriptedTcpServer.WriteAsync(stream, $"HTTP/1.1 400 Bad Request\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
        });
        var probe = new OnvifProbe(_time);

        var result = await probe.CheckAsync(Camera(server.Port), CancellationToken.None);

        Assert.Equal((true, false), (result.Answered, result.Passed));
        Assert.Contains("HTTP 400: SOAP fault: Sender not authorized", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ChunkedAnswer_ReadsTheClock()
    {
        // Some firmware streams its SOAP answer in chunks instead of giving a Content-Length.
        var body = OnvifSoap.DateAndTime(_time.GetUtcNow().AddSeconds(42));
        await using var server = new ScriptedTcpServer(async stream =>
        {
            await ScriptedTcpServer.ReadHeadAsync(stream);
            var half = body.Length / 2;
            await ScriptedTcpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{half:x}\r\n{body[..half]}\r\n");
            await ScriptedTcpServer.WriteAsync(stream, $"{body.Length - half:x}\r\n{body[half..]}\r\n0\r\n\r\n");
        });
        var probe = new OnvifProbe(_time);

        var result = await probe.CheckAsync(Camera(server.Port), CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
        Assert.Equal(TimeSpan.FromSeconds(42), result.ClockDrift);
    }

    private static CameraConfig Camera(int port, int timeoutMs = 5000) => new() { DeviceId = "cam-1", Host = "127.0.0.1", OnvifPort = port, TimeoutMilliseconds = timeoutMs };
}
