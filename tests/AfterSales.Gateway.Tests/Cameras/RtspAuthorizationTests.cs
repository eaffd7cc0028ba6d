using System.Text;
using AfterSales.Gateway.Cameras;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class RtspAuthorizationTests
{
    [Fact]
    public void DigestResponse_Rfc2617Example_MatchesThePublishedResponse()
    {
        // RFC 2617 §3.5.
        var response = RtspAuthorization.DigestResponse(
            "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Answer_DigestWithoutQop_UsesTheShortFormAndEchoesOpaque()
    {
        var header = RtspAuthorization.Answer(
            ["Digest realm=\"IP Camera(C1234)\", nonce=\"abc123\", opaque=\"xyz\", stale=\"FALSE\""], "DESCRIBE", "rtsp://10.0.0.5:554/Streaming/Channels/101", "admin", "12345");

        var expected = RtspAuthorization.DigestResponse("admin", "IP Camera(C1234)", "12345", "DESCRIBE", "rtsp://10.0.0.5:554/Streaming/Channels/101", "abc123", null, "", null);
        Assert.Equal(
            $"Digest username=\"admin\", realm=\"IP Camera(C1234)\", nonce=\"abc123\", uri=\"rtsp://10.0.0.5:554/Streaming/Channels/101\", response=\"{expected}\", opaque=\"xyz\"",
            header);
    }

    [Fact]
    public void Answer_DigestAndBasicOffered_PrefersDigest()
    {
        var header = RtspAuthorization.Answer(["Basic realm=\"cam\"", "Digest realm=\"cam\", nonce=\"n\", qop=\"auth,auth-int\""], "DESCRIBE", "rtsp://h/s", "u", "p");

        Assert.StartsWith("Digest username=\"u\"", header, StringComparison.Ordinal);
        Assert.Contains("qop=auth, nc=00000001, cnonce=\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_OnlyBasic_SendsBase64Credentials()
    {
        var header = RtspAuthorization.Answer(["Basic realm=\"cam\""], "DESCRIBE", "rtsp://h/s", "viewer", "pa:ss");

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("viewer:pa:ss")), header);
    }

    [Theory]
    [InlineData("Digest realm=\"cam\", nonce=\"n\", algorithm=SHA-256")]
    [InlineData("Digest realm=\"cam\"")]
    [InlineData("Bearer realm=\"cam\"")]
    public void Answer_UnsupportedChallenge_Null(string challenge)
    {
        Assert.Null(RtspAuthorization.Answer([challenge], "DESCRIBE", "rtsp://h/s", "u", "p"));
    }

    [Fact]
    public void Parameters_CommaInsideQuotes_StaysInTheValue()
    {
        var p = RtspAuthorization.Parameters("realm=\"a, b\", nonce=n1,qop=\"auth,auth-int\"");

        Assert.Equal(("a, b", "n1", "auth,auth-int"), (p["realm"], p["nonce"], p["qop"]));
    }
}
