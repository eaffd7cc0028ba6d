namespace AfterSales.Cloud.Sites;

/// <summary>A gateway allowed to report for exactly one site, with its own broker credential.</summary>
public sealed class RegisteredGateway
{
    public required string Id { get; set; }

    public required string SiteId { get; set; }

    /// <summary>Salted PBKDF2 hash of the gateway's broker password; the secret itself is never stored.</summary>
    public required string SecretHash { get; set; }

    /// <summary>
    /// When the cloud first heard from this gateway since a start. Null means never installed:
    /// such a gateway is not watched for silence, so registering one ahead of time raises nothing.
    /// </summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
