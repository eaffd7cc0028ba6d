namespace AfterSales.Cloud.Presence;

public sealed record SilentGateway(string GatewayId, string SiteId, DateTimeOffset LastSeen);
