namespace AfterSales.Cloud.Sites;

/// <summary>Either the refusal, or the gateway's identity, its site and its new secret (shown this once).</summary>
public sealed record EnrolmentOutcome(string? Refusal, string? GatewayId, Site? Site, string? Secret)
{
    public static EnrolmentOutcome Refused(string why) => new(why, null, null, null);
}
