using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;

namespace AfterSales.Gateway.RemoteConfig;

/// <summary>Whether an offered site config replaces the running one; pure, so every rule is tested without a broker.</summary>
/// <param name="IssuedAhead">Refused only because it was issued too far ahead of this gateway's clock, which may
/// itself be behind (a board without a battery-backed clock, before NTP): worth judging again later.</param>
internal sealed record SiteConfigVerdict(SiteConfig? Apply, string? Rejection, bool IssuedAhead = false)
{
    public bool IsAlreadyRunning => Apply is null && Rejection is null;

    /// <summary>
    /// The rules of docs/security.md, "Site config", in order: signed by the cloud's key; for this site; issued, and
    /// versioned, no further ahead than <see cref="ConfigSignature.FutureTolerance"/>; newer than the running one.
    /// </summary>
    public static SiteConfigVerdict Judge(OfferedConfig offered, string siteId, SiteConfig? running, CloudConfigKey? key, DateTimeOffset now)
    {
        if (key is null)
        {
            return new(null, "this gateway has no cloud key (cloudConfigKey in gateway.json), so it cannot tell the cloud's config from a forged one");
        }

        if (string.IsNullOrEmpty(offered.Signature))
        {
            return new(null, $"it is not signed (no '{ConfigSignature.SignatureProperty}' user property)");
        }

        if (!key.Verifies(offered))
        {
            var signer = offered.KeyId is { } kid && kid != key.Id ? $"; it names key {kid}" : string.Empty;
            return new(null, $"its signature does not verify with the cloud's key {key.Id}{signer}");
        }

        var decoded = PayloadCodec.DecodeConfig(offered.Payload);
        if (decoded.Value is not { } config)
        {
            return new(null, decoded.Error);
        }

        if (config.SiteId != siteId)
        {
            return new(null, $"it is for site '{config.SiteId}', this gateway serves '{siteId}'");
        }

        if (ConfigSignature.IsFromTheFuture(config, now))
        {
            return new(null, $"it was issued at {config.IssuedAt:u}, more than {ConfigSignature.FutureTolerance.TotalHours:0} h ahead of this gateway's clock ({now:u})", IssuedAhead: true);
        }

        if (SiteConfigVersion.IsFromTheFuture(config.Version, now))
        {
            return new(null, $"version {config.Version} is from the future: a config issued by now carries at most version {SiteConfigVersion.Latest(now)}", IssuedAhead: true);
        }

        if (running is null || config.Version > running.Version)
        {
            return new(config, null);
        }

        // The retained message comes again on every reconnect: the same version is no news.
        return config.Version == running.Version
            ? new(null, null)
            : new(null, $"version {config.Version} is older than the running version {running.Version}");
    }
}
