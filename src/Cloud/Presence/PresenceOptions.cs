namespace AfterSales.Cloud.Presence;

public sealed class PresenceOptions
{
    public const string Section = "Gateways";

    /// <summary>
    /// How soon a silent gateway is noticed offline, counted from its last sign of life: three 30 s heartbeats by
    /// default. Silence counts once it is one sweep shorter (<see cref="PresencePolicy.NoticedWithin"/>).
    /// </summary>
    public int OfflineAfterSeconds { get; set; } = 90;

    public int SweepIntervalSeconds { get; set; } = 5;
}
