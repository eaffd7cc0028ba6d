namespace AfterSales.Cloud.Sites;

/// <summary>A gateway allowed to report for exactly one site, with its own broker credential.</summary>
public sealed class RegisteredGateway
{
    public required string Id { get; set; }

    public required string SiteId { get; set; }

    /// <summary>Salted PBKDF2 hash of the gateway's broker password; the secret itself is never stored.</summary>
    public required string SecretHash { get; set; }
}
