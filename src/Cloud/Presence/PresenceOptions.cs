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

    /// <summary>Share of the watched gateways quiet at once that makes it the cloud's silence, not theirs (§2.14a).</summary>
    public int MassSilencePercent { get; set; } = 20;

    /// <summary>…and at least this many, so that on a small fleet a few silent sites are still each a fault.</summary>
    public int MassSilenceMinimum { get; set; } = 20;

    public PresencePolicy Policy() => PresencePolicy.NoticedWithin(
        TimeSpan.FromSeconds(OfflineAfterSeconds),
        TimeSpan.FromSeconds(SweepIntervalSeconds),
        new MassSilenceLimits(MassSilencePercent, MassSilenceMinimum));
}
