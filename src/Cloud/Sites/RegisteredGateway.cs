namespace AfterSales.Cloud.Sites;

/// <summary>A gateway allowed to report for exactly one site, with its own broker credential.</summary>
public sealed class RegisteredGateway
{
    public required string Id { get; set; }

    public required string SiteId { get; set; }

    /// <summary>Salted PBKDF2 hash of the gateway's broker password; the secret itself is never stored. Empty until the gateway enrols: nothing can log in as it.</summary>
    public required string SecretHash { get; set; }

    /// <summary>SHA-256 of the one-time enrolment token the admin was shown; the token itself is never stored.</summary>
    public string? EnrolmentTokenHash { get; set; }

    public DateTimeOffset? EnrolmentExpiresAt { get; set; }

    /// <summary>When the token was used; a used token is refused (docs/service-rules.md §7.2).</summary>
    public DateTimeOffset? EnrolledAt { get; set; }

    /// <summary>
    /// When the cloud first heard from this gateway since a start. Null means never installed:
    /// such a gateway is not watched for silence, so registering one ahead of time raises nothing.
    /// </summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
