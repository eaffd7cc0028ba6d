using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.RemoteConfig;

/// <summary>
/// The site configuration the cloud published (device inventory, check intervals, thresholds), as
/// the gateway runs it now. Watchers read <see cref="Current"/> at start and subscribe to
/// <see cref="Changed"/>; only validated configurations ever appear here.
/// </summary>
internal interface ISiteConfigSource
{
    /// <summary>Null until the cloud has sent one (and none was kept on disk from before).</summary>
    SiteConfig? Current { get; }

    /// <summary>Raised on the uplink's thread after a newer valid config was stored; keep handlers short.</summary>
    event Action<SiteConfig>? Changed;
}
