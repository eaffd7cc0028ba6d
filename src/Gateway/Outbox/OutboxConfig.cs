namespace AfterSales.Gateway.Outbox;

internal sealed record OutboxConfig
{
    public const long MinBytes = 16 * 1024;

    /// <summary>Disk budget of the outbox: 64 MiB holds about 150 000 fault events (weeks of a busy site offline).</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}
