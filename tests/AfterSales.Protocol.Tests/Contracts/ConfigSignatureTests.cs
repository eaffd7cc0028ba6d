using System.Security.Cryptography;
using System.Text;
using AfterSales.Protocol.Contracts;

namespace AfterSales.Protocol.Tests.Contracts;

public sealed class ConfigSignatureTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"schema\":\"aftersales.config/1\",\"siteId\":\"site-a\",\"version\":7}");

    [Fact]
    public void Verify_PayloadSignedByTheCloudsKey_Accepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.True(ConfigSignature.Verify(Payload, ConfigSignature.Sign(Payload, key), key));
    }

    [Fact]
    public void Verify_OneByteOfThePayloadChanged_Refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = ConfigSignature.Sign(Payload, key);
        var forged = Payload.ToArray();
        forged[^2] = (byte)'9';

        Assert.False(ConfigSignature.Verify(forged, signature, key));
    }

    [Fact]
    public void Verify_SignedByAnotherKey_Refused()
    {
        using var cloud = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(ConfigSignature.Verify(Payload, ConfigSignature.Sign(Payload, attacker), cloud));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Verify_MissingOrMalformedSignature_Refused(string? signature)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(ConfigSignature.Verify(Payload, signature, key));
    }

    [Fact]
    public void IsFromTheFuture_IssuedMoreThanADayAhead_True_WithinClockSkew_False()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        SiteConfig Issued(TimeSpan ahead) => new()
        {
            Schema = SiteConfig.SchemaV1,
            SiteId = "site-a",
            Version = int.MaxValue,
            IssuedAt = now + ahead,
            Devices = [],
            Checks = new CheckSettings { HeartbeatIntervalS = 30 },
        };

        Assert.True(ConfigSignature.IsFromTheFuture(Issued(TimeSpan.FromDays(2)), now));
        Assert.False(ConfigSignature.IsFromTheFuture(Issued(TimeSpan.FromMinutes(5)), now));
    }
}
