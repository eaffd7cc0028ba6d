using System.Text;
using AfterSales.Gateway.Cameras;
using static AfterSales.Gateway.Cameras.DeviceResponseParser;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class DeviceResponseParserTests
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
            Assert.Equal(Outcome.Incomplete, Rtsp.TryParse(bytes.AsSpan(0, n), closed: false, out _, out _));
        }

        Assert.Equal(Outcome.Complete, Rtsp.TryParse(bytes, closed: false, out _, out _));
    }

    [Fact]
    public void Http_ContentLength_ReadsThatManyBytes()
    {
        Assert.Equal(Outcome.Complete, ParseHttp("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n<a/>\nrest", closed: false, out var response, out _));
        Assert.Equal("<a/>\n", response!.Body);
    }

    [Fact]
    public void Http_ChunkedBody_IsDecoded()
    {
        const string text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<env\r\n7;ext=1\r\nelope/>\r\n0\r\n\r\n";

        Assert.Equal(Outcome.Complete, ParseHttp(text, closed: false, out var response, out _));
        Assert.Equal("<envelope/>", response!.Body);
    }

    [Fact]
    public void Http_EveryPrefixOfAChunkedAnswer_IsIncompleteNotInvalid()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n0\r\n\r\n");

        // Up to the last size line "0\n" the answer is still arriving; from there on it is whole.
        var zeroChunkEnd = bytes.Length - 2;
        for (var n = 0; n < zeroChunkEnd; n++)
        {
            Assert.Equal(Outcome.Incomplete, Http.TryParse(bytes.AsSpan(0, n), closed: false, out _, out _));
        }

        Assert.Equal(Outcome.Complete, Http.TryParse(bytes, closed: false, out var response, out _));
        Assert.Equal("0123456789", response!.Body);
    }

    [Fact]
    public void Http_NoLength_BodyRunsUntilTheDeviceCloses()
    {
        const string text = "HTTP/1.0 200 OK\r\nContent-Type: application/soap+xml\r\n\r\n<s:Envelope/>";

        Assert.Equal(Outcome.Incomplete, ParseHttp(text, closed: false, out _, out _));
        Assert.Equal(Outcome.Complete, ParseHttp(text, closed: true, out var response, out _));
        Assert.Equal("<s:Envelope/>", response!.Body);
    }

    [Theory]
    [InlineData("RTSP/1.0 200 OK\r\n\r\n", "not an HTTP status line")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "unsupported Transfer-Encoding")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad chunk size")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "chunk data longer than its size line says")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFF\r\n", "longer than 65536 bytes")]
    [InlineData("<html>", "not an HTTP answer")]
    public void Http_Garbage_InvalidWithReason(string text, string reason)
    {
        Assert.Equal(Outcome.Invalid, ParseHttp(text, closed: false, out var response, out var error));
        Assert.Null(response);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static Outcome Parse(string text, out DeviceResponse? response, out string? error) =>
        Rtsp.TryParse(Encoding.Latin1.GetBytes(text), closed: false, out response, out error);

    private static Outcome ParseHttp(string text, bool closed, out DeviceResponse? response, out string? error) =>
        Http.TryParse(Encoding.Latin1.GetBytes(text), closed, out response, out error);
}
