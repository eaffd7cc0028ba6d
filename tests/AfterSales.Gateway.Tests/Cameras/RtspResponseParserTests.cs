using System.Text;
using AfterSales.Gateway.Cameras;
using static AfterSales.Gateway.Cameras.RtspResponseParser;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class RtspResponseParserTests
{
    [Fact]
    public void TryParse_OptionsAnswer_ReadsStatusReasonAndHeaders()
    {
        var outcome = Parse("RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, PLAY\r\n\r\n", out var response, out _);

        Assert.Equal(Outcome.Complete, outcome);
        Assert.Equal(200, response!.Status);
        Assert.Equal("OK", response.Reason);
        Assert.Equal("1", response.Header("cseq"));
        Assert.Equal("OPTIONS, DESCRIBE, PLAY", response.Header("Public"));
    }

    [Fact]
    public void TryParse_DescribeWithSdpBody_ReadsExactlyContentLengthBytes()
    {
        const string sdp = "v=0\r\nm=video 0 RTP/AVP 96\r\n";
        var text = $"RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}RTSP/1.0 200 OK\r\n";

        Assert.Equal(Outcome.Complete, Parse(text, out var response, out _));
        Assert.Equal(sdp, response!.Body);
    }

    [Fact]
    public void TryParse_BodyNotYetReceived_IsIncomplete()
    {
        Assert.Equal(Outcome.Incomplete, Parse("RTSP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nv=0\r\n", out _, out _));
    }

    [Theory]
    [InlineData("RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest realm=\"x\"\r\n\r\n", 401)]
    [InlineData("RTSP/1.0 200\r\n\r\n", 200)]
    [InlineData("RTSP/2.0 454 Session Not Found\r\n\r\n", 454)]
    [InlineData("RTSP/1.0 200 OK\nCSeq: 1\n\n", 200)]
    public void TryParse_ValidVariants_Complete(string text, int status)
    {
        Assert.Equal(Outcome.Complete, Parse(text, out var response, out var error));
        Assert.Null(error);
        Assert.Equal(status, response!.Status);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "not an RTSP status line")]
    [InlineData("RTSP/1.0 20 OK\r\n\r\n", "not an RTSP status line")]
    [InlineData("RTSP/1.0 2000 OK\r\n\r\n", "not an RTSP status line")]
    [InlineData("RTSP/10 200 OK\r\n\r\n", "not an RTSP status line")]
    [InlineData("RTSP/1.0 abc OK\r\n\r\n", "not an RTSP status line")]
    [InlineData("RTSP/1.0 099 Low\r\n\r\n", "not an RTSP status line")]
    [InlineData("RTSP/1.0 200 OK\r\nno colon here\r\n\r\n", "malformed header line")]
    [InlineData("RTSP/1.0 200 OK\r\nContent-Length: -5\r\n\r\n", "unusable Content-Length")]
    [InlineData("RTSP/1.0 200 OK\r\nContent-Length: 99999999\r\n\r\n", "unusable Content-Length")]
    [InlineData("\u0016\u0003\u0001garbage", "not an RTSP answer")]
    public void TryParse_Garbage_InvalidWithReason(string text, string reason)
    {
        Assert.Equal(Outcome.Invalid, Parse(text, out var response, out var error));
        Assert.Null(response);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_HeadersNeverEnd_InvalidOnceTheLimitIsPassed()
    {
        var text = "RTSP/1.0 200 OK\r\n" + string.Concat(Enumerable.Repeat("X-Filler: 0123456789\r\n", 500));

        Assert.Equal(Outcome.Invalid, Parse(text, out _, out var error));
        Assert.Contains("no end of headers", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_EveryPrefixOfAValidAnswer_IsIncompleteNotInvalid()
    {
        var bytes = Encoding.ASCII.GetBytes("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 4\r\n\r\nv=0\n");

        for (var n = 0; n < bytes.Length; n++)
        {
            Assert.Equal(Outcome.Incomplete, TryParse(bytes.AsSpan(0, n), out _, out _));
        }

        Assert.Equal(Outcome.Complete, TryParse(bytes, out _, out _));
    }

    private static Outcome Parse(string text, out RtspResponse? response, out string? error) =>
        TryParse(Encoding.Latin1.GetBytes(text), out response, out error);
}
