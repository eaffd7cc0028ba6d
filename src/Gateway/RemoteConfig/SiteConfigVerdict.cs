using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;

namespace AfterSales.Gateway.RemoteConfig;

/// <summary>Whether an offered site config replaces the running one; pure, so every rule is tested without a broker.</summary>
internal sealed record SiteConfigVerdict(SiteConfig? Apply, string? Rejection)
{
    public bool IsAlreadyRunning => Apply is null && Rejection is null;

    public static SiteConfigVerdict Judge(ReadOnlySpan<byte> payload, string siteId, SiteConfig? running)
    {
        var decoded = PayloadCodec.DecodeConfig(payload);
        if (decoded.Value is not { } offered)
        {
            return new(null, decoded.Error);
        }

        if (offered.SiteId != siteId)
        {
            return new(null, $"it is for site '{offered.SiteId}', this gateway serves '{siteId}'");
        }

        if (running is null || offered.Version > running.Version)
        {
            return new(offered, null);
        }

        // The retained message comes again on every reconnect: the same version is no news.
        return offered.Version == running.Version
            ? new(null, null)
            : new(null, $"version {offered.Version} is older than the running version {running.Version}");
    }
}
