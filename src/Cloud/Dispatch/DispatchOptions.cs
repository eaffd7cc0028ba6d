namespace AfterSales.Cloud.Dispatch;

public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>Average road speed for the straight-line distance; city traffic in the default.</summary>
    public double TravelSpeedKmh { get; set; } = 30;

    /// <summary>Time each job already on a technician's list adds before they can set off.</summary>
    public double MinutesPerQueuedJob { get; set; } = 60;

    /// <summary>A dispatched job not accepted within this time goes to the next technician.</summary>
    public double AcceptWithinMinutes { get; set; } = 10;

    /// <summary>A last known location older than this is not trusted; the base is used instead.</summary>
    public double LocationFreshMinutes { get; set; } = 120;
}
