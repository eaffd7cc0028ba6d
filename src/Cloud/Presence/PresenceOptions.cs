namespace AfterSales.Cloud.Presence;

public sealed class PresenceOptions
{
    public const string Section = "Gateways";

    /// <summary>Silence after which a gateway counts as offline: three missed 30 s heartbeats by default.</summary>
    public int OfflineAfterSeconds { get; set; } = 90;

    public int SweepIntervalSeconds { get; set; } = 5;
}
