using AfterSales.Gateway.Identity;

namespace AfterSales.Gateway.Uplink;

/// <summary>What the uplink needs from gateway.json: who it is, which broker, and the heartbeat interval until the cloud's config sets one.</summary>
internal sealed record UplinkSettings(GatewayIdentity Identity, BrokerConfig Broker, TimeSpan HeartbeatInterval)
{
    public string SiteId => Identity.SiteId;

    public string GatewayId => Identity.GatewayId;
}
