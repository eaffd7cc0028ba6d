using AfterSales.Gateway.Cameras;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class PingProbeTests
{
    [Fact]
    public async Task Check_Loopback_Answers()
    {
        var result = await PingProbe.CheckAsync(new CameraConfig { Host = "127.0.0.1", TimeoutMilliseconds = 1000 }, CancellationToken.None);

        Assert.True(result.Passed, result.Summary);
    }

    [Theory]
    [InlineData("camera-7.invalid")]
    [InlineData("2001:db8::7")]
    public async Task Check_HostThatCannotBeReached_NoAnswer(string host)
    {
        // ".invalid" never resolves (RFC 6761); 2001:db8::/32 is documentation space that no network routes.
        var result = await PingProbe.CheckAsync(new CameraConfig { Host = host, TimeoutMilliseconds = 500 }, CancellationToken.None);

        Assert.False(result.Answered, result.Summary);
    }
}
