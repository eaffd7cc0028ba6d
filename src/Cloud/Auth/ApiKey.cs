namespace AfterSales.Cloud.Auth;

/// <summary>A credential for scripts and integrations. Only a hash is stored.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    /// <summary>SHA-256 of the key, hex: keys are long random strings, so a fast hash is enough.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The service company whose data the key reads.</summary>
    public string TenantId { get; set; } = "default";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
