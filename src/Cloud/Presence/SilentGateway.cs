namespace AfterSales.Cloud.Presence;

/// <param name="LastWill">Found offline by its last will rather than by silence.</param>
public sealed record SilentGateway(string GatewayId, string SiteId, DateTimeOffset LastSeen, bool LastWill);
