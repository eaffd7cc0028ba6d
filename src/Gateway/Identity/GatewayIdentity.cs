namespace AfterSales.Gateway.Identity;

/// <summary>Who is reporting: the site (a topic level) and this gateway (the MQTT client id). Every event and status carries both.</summary>
internal sealed record GatewayIdentity(string SiteId, string GatewayId);
