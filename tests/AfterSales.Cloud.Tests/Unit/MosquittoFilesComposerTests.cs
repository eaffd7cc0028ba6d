using System.Security.Cryptography;
using System.Text;
using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Sites;

namespace AfterSales.Cloud.Tests.Unit;

/// <summary>Mosquitto's files written from the registry (docs/security.md, "Mosquitto"); Mosquitto itself reads them in MosquittoAclTests.</summary>
public sealed class MosquittoFilesComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GatewayHash_IsMosquittosPbkdf2Sha512_ForTheSamePassword()
    {
        var stored = GatewaySecrets.Hash("s3cret-password");
        var line = GatewaySecrets.AsMosquittoHash(stored)!;
        var parts = line.Split('$');

        // $7$iterations$salt$hash, as mosquitto_passwd writes it: PBKDF2-HMAC-SHA512, 12-byte salt, 64-byte key.
        Assert.Equal(["", "7", "50000"], parts[..3]);
        var salt = Convert.FromBase64String(parts[3]);
        Assert.Equal(12, salt.Length);
        Assert.Equal(Convert.FromBase64String(parts[4]), Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("s3cret-password"), salt, 50000, HashAlgorithmName.SHA512, 64));
        Assert.True(GatewaySecrets.Verify("s3cret-password", stored));
        Assert.False(GatewaySecrets.Verify("other-password", stored));
    }

    [Fact]
    public void OldSha256Hashes_StillVerify_ButAreLeftOutOfTheFilesWithTheReason()
    {
        var salt = new byte[16];
        var old = string.Join('$', GatewaySecrets.OldScheme, "50000", Convert.ToBase64String(salt), Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("old-secret"), salt, 50000, HashAlgorithmName.SHA256, 32)));
        Assert.True(GatewaySecrets.Verify("old-secret", old));
        Assert.Null(GatewaySecrets.AsMosquittoHash(old));

        var files = Compose(new MosquittoGateway("gw-old", "site-a", old));
        Assert.Equal(0, files.Gateways);
        Assert.Contains(files.Skipped, s => s.StartsWith("gw-old: its password hash is of the older SHA-256 scheme", StringComparison.Ordinal));
        Assert.DoesNotContain("gw-old", files.Passwd, StringComparison.Ordinal);
    }

    [Fact]
    public void EachGateway_WritesItsOwnSiteOnly_ReadsItsOwnConfigOnly_AndTheCloudWritesConfigs()
    {
        var files = Compose(new MosquittoGateway("gw-b", "site-b", GatewaySecrets.Hash("secret-b")), new MosquittoGateway("gw-a", "site-a", GatewaySecrets.Hash("secret-a")));

        Assert.Equal(2, files.Gateways);
        Assert.Empty(files.Skipped);
        Assert.Contains(
            """
            user gw-a
            topic write aftersales/v1/sites/site-a/events
            topic write aftersales/v1/sites/site-a/status
            topic write aftersales/v1/sites/site-a/heartbeat
            topic read aftersales/v1/sites/site-a/config
            """.ReplaceLineEndings("\n"),
            files.Acl,
            StringComparison.Ordinal);
        Assert.Contains("user aftersales-cloud\ntopic read aftersales/v1/sites/#\n", files.Acl, StringComparison.Ordinal);
        Assert.Contains("topic write aftersales/v1/sites/+/config\n", files.Acl, StringComparison.Ordinal);
        Assert.DoesNotContain("pattern", files.Acl, StringComparison.Ordinal);
        Assert.Equal(["aftersales-cloud", "gw-a", "gw-b"], files.Passwd.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(':')[0]));
    }

    [Theory]
    [InlineData("gw-x\nuser aftersales-cloud", "site-a")]
    [InlineData("gw-x", "site-a/#")]
    [InlineData("gw-x", "+")]
    [InlineData("gw:x", "site-a")]
    [InlineData("aftersales-cloud", "site-a")]
    public void AnIdThatWouldChangeWhatTheFilesGrant_IsLeftOut(string gatewayId, string siteId)
    {
        var files = Compose(new MosquittoGateway(gatewayId, siteId, GatewaySecrets.Hash("secret")));

        Assert.Equal(0, files.Gateways);
        Assert.Single(files.Skipped);
        Assert.Single(files.Acl.Split('\n'), l => l.StartsWith("user ", StringComparison.Ordinal));
    }

    private static MosquittoFiles Compose(params MosquittoGateway[] gateways) =>
        MosquittoFilesComposer.Compose("aftersales-cloud", GatewaySecrets.AsMosquittoHash(GatewaySecrets.Hash("cloud-password"))!, gateways, Now);
}
